import Taro from '@tarojs/taro';
import { MAX_ATTACHMENTS } from '@zhibu/types';

/** A file chosen on the phone, before upload. */
export interface ChosenFile {
  filePath: string;
  name: string;
}

export const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx';
const EXTENSIONS = ACCEPT.split(',').map((e) => e.slice(1));

/** Mini program: files received in chats (documents and pictures alike). */
export async function chooseFromChat(room: number): Promise<ChosenFile[]> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({
      count: Math.min(room, MAX_ATTACHMENTS),
      type: 'all',
      extension: EXTENSIONS,
    });
    return tempFiles.map((f) => ({ filePath: f.path, name: f.name }));
  } catch {
    return []; // cancelled
  }
}

/** H5: files from a file input, as blob: URLs the uploader reads. */
export function fromBrowserFiles(files: FileList | null, room: number): ChosenFile[] {
  return Array.from(files ?? [])
    .slice(0, room)
    .map((f) => ({ filePath: URL.createObjectURL(f), name: f.name }));
}
