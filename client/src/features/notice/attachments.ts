import Taro from '@tarojs/taro';
import type { NoticeAttachment } from '@zhibu/types';
import { showFailureToast } from '@/ui';

const failed = (message: string) => showFailureToast({ ok: false, code: 'INTERNAL', message });

/**
 * Opens an attachment with the platform's viewer: images in previewImage, documents through
 * downloadFile + openDocument in the mini program, a plain download in H5.
 */
export async function openAttachment(attachment: NoticeAttachment, all: NoticeAttachment[]): Promise<void> {
  if (!attachment.url) return failed('附件暂时无法打开，请稍后重试');
  if (attachment.kind === 'image') {
    const urls = all.filter((a) => a.kind === 'image' && a.url).map((a) => a.url as string);
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
