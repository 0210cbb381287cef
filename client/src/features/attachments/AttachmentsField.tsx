import { Text, View } from '@tarojs/components';
import { MAX_ATTACHMENTS } from '@zhibu/types';
import { useRef, useState, type ChangeEvent } from 'react';
import { uploadAttachment, type AttachmentFolder } from '@/services/upload';
import { Cell, CellGroup, showFailureToast } from '@/ui';
import { extensionLabel } from './open';
import { ACCEPT, chooseFromChat, fromBrowserFiles, type ChosenFile } from './picker';
import './attachments.css';

export interface FieldAttachment {
  fileId: string;
  name: string;
  size?: number;
}

interface AttachmentsFieldProps<T extends FieldAttachment> {
  attachments: T[];
  onChange: (change: (list: T[]) => T[]) => void;
  /** notices/<memberId>, study/<branchId>: the folder the server accepts for this form. */
  folder: AttachmentFolder;
  group: string;
  /** Told while files are still uploading, so the form waits before it sends. */
  onUploading?: (count: number) => void;
  make: (uploaded: { fileId: string; name: string; size: number }) => T;
}

/**
 * 附件: pictures, PDF, Word, Excel and PPT files, up to 9, each at most 20 MB — chosen from WeChat
 * chats in the mini program, from the disk in H5 — uploaded as they are chosen, removable before sending.
 */
export function AttachmentsField<T extends FieldAttachment>({
  attachments,
  onChange,
  folder,
  group,
  onUploading,
  make,
}: AttachmentsFieldProps<T>) {
  const [uploading, setUploading] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const track = (delta: number) =>
    setUploading((n) => {
      onUploading?.(n + delta);
      return n + delta;
    });
  const upload = async (files: ChosenFile[]) => {
    track(files.length);
    for (const file of files) {
      const result = await uploadAttachment({ ...file, folder, group });
      track(-1);
      if (!result.ok) {
        showFailureToast(result);
        continue;
      }
      onChange((list) => [...list, make({ fileId: result.data.fileID, name: file.name, size: result.data.size })]);
    }
  };
  const room = MAX_ATTACHMENTS - attachments.length - uploading;
  const add = async () => {
    if (room <= 0)
      return showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: `最多 ${MAX_ATTACHMENTS} 个附件` });
    if (process.env.TARO_ENV === 'h5') return fileInput.current?.click();
    await upload(await chooseFromChat(room));
  };
  const browserPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = fromBrowserFiles(event.target.files, room);
    event.target.value = '';
    void upload(files);
  };

  return (
    <CellGroup title={`附件（${attachments.length}/${MAX_ATTACHMENTS}）`}>
      {attachments.map((a) => (
        <Cell
          key={a.fileId}
          label={
            <View className="zb-attachment">
              <Text className="zb-attachment__icon">{extensionLabel(a.name)}</Text>
              <Text className="zb-attachment__name">{a.name}</Text>
            </View>
          }
          value={
            <Text
              className="zb-attachment__remove"
              aria-label={`删除附件${a.name}`}
              onClick={() => onChange((list) => list.filter((x) => x.fileId !== a.fileId))}
            >
              删除
            </Text>
          }
        />
      ))}
      {uploading > 0 ? <Cell label={`正在上传 ${uploading} 个附件…`} /> : null}
      <Cell label="添加附件" onClick={() => void add()} />
      <Text className="zb-attachment__hint">图片、PDF、Word、Excel、PPT，每个不超过 20 MB</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="选择附件"
          style={{ display: 'none' }}
          onChange={browserPicked}
        />
      ) : null}
    </CellGroup>
  );
}
