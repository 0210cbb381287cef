import Taro from '@tarojs/taro';
export type { SheetFile } from '@/services/files';

/** What the server accepts in one import (about 512 KB of .xlsx, several hundred members). */
export const MAX_IMPORT_BYTES = 512 * 1024;

/** A file the member picked, read for upload. */
export interface PickedFile {
  name: string;
  size: number;
  /** Empty when the file is larger than one import call takes (MAX_IMPORT_BYTES). */
  base64: string;
  /** Where the file can be read again for an upload: a temporary path, or in the browser a blob: URL. */
  path: string;
}

function readUserFile(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (result) => resolve(typeof result.data === 'string' ? result.data : ''),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
}

/**
 * Mini program: a .xlsx file from a WeChat chat (`chooseMessageFile`; a phone has no file browser
 * of its own), read as base64. Resolves null when the member cancelled.
 */
export async function chooseSheetFromChat(): Promise<PickedFile | null> {
  let chosen;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
  } catch {
    return null;
  }
  const file = chosen.tempFiles[0];
  if (!file) return null;
  const picked = { name: file.name, size: file.size, path: file.path };
  if (file.size > MAX_IMPORT_BYTES) return { ...picked, base64: '' };
  return { ...picked, base64: await readUserFile(file.path) };
}

/** Browser: a File read as base64 (the part of its data URL after the comma). */
export function readBrowserFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const picked = { name: file.name, size: file.size, path: URL.createObjectURL(file) };
    if (file.size > MAX_IMPORT_BYTES) {
      resolve({ ...picked, base64: '' });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve({ ...picked, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
