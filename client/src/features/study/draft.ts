import Taro from '@tarojs/taro';

/** A reflection being written is kept on the phone, so leaving the page or a lost signal loses nothing. */
const key = (taskId: string) => `study-draft-${taskId}`;

export function loadDraft(taskId: string): string {
  try {
    const value: unknown = Taro.getStorageSync(key(taskId));
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

export function saveDraft(taskId: string, text: string): void {
  try {
    if (text) Taro.setStorageSync(key(taskId), text);
    else Taro.removeStorageSync(key(taskId));
  } catch {
    // Storage full or unavailable: the text is still in the box.
  }
}

export const clearDraft = (taskId: string) => saveDraft(taskId, '');
