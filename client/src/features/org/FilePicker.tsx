import { View } from '@tarojs/components';
import { useRef, type ChangeEvent } from 'react';
import { Button, showFailureToast } from '@/ui';
import { chooseSheetFromChat, readBrowserFile, type PickedFile } from './files';

interface FilePickerProps {
  disabled?: boolean;
  onPick: (file: PickedFile) => void;
  children: string;
}

const readFailed = { ok: false as const, code: 'INTERNAL' as const, message: '文件读取失败，请重新选择' };

/** Browser only: a hidden file input behind the same button the mini program shows. */
function BrowserFilePicker({ disabled, onPick, children }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const changed = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // Picking the same file again (after fixing it) must fire again.
    if (!file) return;
    try {
      onPick(await readBrowserFile(file));
    } catch {
      showFailureToast(readFailed);
    }
  };
  return (
    <View className="file-picker">
      <input
        ref={input}
        className="file-picker__input"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="选择 Excel 文件"
        style={{ display: 'none' }}
        onChange={(event) => void changed(event)}
      />
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </View>
  );
}

/** Mini program: WeChat's picker of files received in chats. */
function ChatFilePicker({ disabled, onPick, children }: FilePickerProps) {
  const choose = async () => {
    try {
      const file = await chooseSheetFromChat();
      if (file) onPick(file);
    } catch {
      showFailureToast(readFailed);
    }
  };
  return (
    <Button disabled={disabled} onClick={() => void choose()}>
      {children}
    </Button>
  );
}

/** Picks one .xlsx file and reads it as base64, in whichever way the platform allows. */
export function FilePicker(props: FilePickerProps) {
  return process.env.TARO_ENV === 'h5' ? <BrowserFilePicker {...props} /> : <ChatFilePicker {...props} />;
}
