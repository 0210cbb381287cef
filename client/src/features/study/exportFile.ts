import Taro from '@tarojs/taro';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type ExportFormat = keyof typeof TYPES;

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

/**
 * Hands an exported file to the member: in the mini program it opens in WeChat's document viewer
 * (whose menu forwards or saves it); in the browser it downloads.
 */
export async function openExport(file: { fileName: string; fileBase64: string }, format: ExportFormat) {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const binary = atob(file.fileBase64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const url = URL.createObjectURL(new Blob([bytes], { type: TYPES[format] }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    }
    const name = file.fileName.replace(/[\\/:*?"<>|\s]+/g, '_').slice(-80);
    const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
    await writeUserFile(filePath, file.fileBase64);
    await Taro.openDocument({ filePath, fileType: format, showMenu: true });
    return true;
  } catch {
    void Taro.showToast({ title: '文件无法打开，请稍后重试', icon: 'none', duration: 3000 });
    return false;
  }
}
