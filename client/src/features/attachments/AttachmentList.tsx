import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@/ui';
import { extensionLabel, openAttachment, type OpenableAttachment } from './open';
import './attachments.css';

/** The attachments of a notice or a study task, each opened with the platform's viewer on a tap. */
export function AttachmentList<T extends OpenableAttachment & { fileId: string }>({
  attachments,
}: {
  attachments: T[];
}) {
  if (attachments.length === 0) return null;
  return (
    <CellGroup title={`附件（${attachments.length}）`}>
      {attachments.map((a) => (
        <Cell
          key={a.fileId}
          label={
            <View className="zb-attachment">
              <Text className="zb-attachment__icon">{extensionLabel(a.name)}</Text>
              <Text className="zb-attachment__name">{a.name}</Text>
            </View>
          }
          onClick={() => void openAttachment(a, attachments)}
        />
      ))}
    </CellGroup>
  );
}
