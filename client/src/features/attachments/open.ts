import Taro from '@tarojs/taro';
import { IMAGE_EXTENSIONS } from '@zhibu/types';
import { showFailureToast } from '@/ui';

/** An attachment as the server shows it: a name and a temporary URL (null when it cannot be had). */
export interface OpenableAttachment {
  name: string;
  url: string | null;
}

const isImage = (name: string) => IMAGE_EXTENSIONS.includes(name.split('.').pop()?.toLowerCase() ?? '');

const failed = (message: string) => showFailureToast({ ok: false, code: 'INTERNAL', message });

/**
 * Opens an attachment with the platform's viewer: images in previewImage, documents through
 * downloadFile + openDocument in the mini program, a plain download in H5.
 */
export async function openAttachment(attachment: OpenableAttachment, all: OpenableAttachment[]): Promise<void> {
  if (!attachment.url) return failed('附件暂时无法打开，请稍后重试');
  if (isImage(attachment.name)) {
    const urls = all.filter((a) => isImage(a.name) && a.url).map((a) => a.url as string);
    await Taro.previewImage({ current: attachment.url, urls }).catch(() => failed('图片打开失败'));
    return;
  }
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.showLoading({ title: '正在打开' });
      const { tempFilePath } = await Taro.downloadFile({ url: attachment.url });
      await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
    } catch {
      failed('文件打开失败，请稍后重试');
    } finally {
      void Taro.hideLoading();
    }
    return;
  }
  const link = document.createElement('a');
  link.href = attachment.url;
  link.download = attachment.name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function extensionLabel(name: string): string {
  return (name.split('.').pop() ?? '').toUpperCase().slice(0, 4);
}
