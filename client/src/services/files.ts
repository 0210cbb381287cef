import Taro from '@tarojs/taro';

/** A spreadsheet the server made, as the roster actions return it. */
export interface SheetFile {
  fileName: string;
  fileBase64: string;
}

const MIME_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
/** The document kinds the server exports and WeChat's document viewer opens. */
export type DocumentFormat = keyof typeof MIME_TYPES;

/** A file name safe for the mini program's user folder: no path separators, nothing odd. */
export function safeFileName(name: string, format: DocumentFormat = 'xlsx'): string {
  const cleaned = name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(-80);
  return cleaned.endsWith(`.${format}`) ? cleaned : `${cleaned || '导出'}.${format}`;
}

function writeUserFile(filePath: string, base64: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
}

function downloadInBrowser(file: SheetFile, format: DocumentFormat): void {
  const binary = atob(file.fileBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME_TYPES[format] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Hands a document the server made to the member: in the mini program it is written to the user
 * folder and opened in WeChat's document viewer, whose menu forwards it to a chat or opens it
 * elsewhere; in the browser it downloads. Resolves false (after saying why) when that failed.
 */
export async function openDocumentFile(file: SheetFile, format: DocumentFormat): Promise<boolean> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      downloadInBrowser(file, format);
      return true;
    }
    const filePath = `${Taro.env.USER_DATA_PATH}/${safeFileName(file.fileName, format)}`;
    await writeUserFile(filePath, file.fileBase64);
    await Taro.openDocument({ filePath, fileType: format, showMenu: true });
    return true;
  } catch {
    void Taro.showToast({ title: '文件无法打开，请稍后重试', icon: 'none', duration: 3000 });
    return false;
  }
}

export const openSheet = (file: SheetFile) => openDocumentFile(file, 'xlsx');

/**
 * The same for a spreadsheet the server saved to storage and answers with a temporary URL (the
 * statistics 通报): downloaded and opened in WeChat's document viewer, or downloaded in the browser.
 */
export async function openSheetUrl(file: { url: string; fileName: string }): Promise<boolean> {
  try {
    if (!file.url) throw new Error('no url');
    if (process.env.TARO_ENV === 'h5') {
      const link = document.createElement('a');
      link.href = file.url;
      link.download = safeFileName(file.fileName);
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      return true;
    }
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url: file.url });
    if (statusCode !== 200) throw new Error(`download ${statusCode}`);
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return true;
  } catch {
    void Taro.showToast({ title: '文件无法打开，请稍后重试', icon: 'none', duration: 3000 });
    return false;
  }
}
