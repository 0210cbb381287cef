import Taro from '@tarojs/taro';

export const openNotice = (noticeId: string) =>
  void Taro.navigateTo({ url: `/pages/notice/detail/index?id=${encodeURIComponent(noticeId)}` });
export const openNoticeList = () => void Taro.navigateTo({ url: '/pages/notice/index' });
export const openNoticeEditor = (noticeId?: string) =>
  void Taro.navigateTo({ url: `/packages/notice/edit/index${noticeId ? `?id=${encodeURIComponent(noticeId)}` : ''}` });
export const openReceipts = (noticeId: string, branchId?: string) =>
  void Taro.navigateTo({
    url: `/packages/notice/receipts/index?id=${encodeURIComponent(noticeId)}${branchId ? `&branch=${encodeURIComponent(branchId)}` : ''}`,
  });
export const openNoticePosters = () => void Taro.navigateTo({ url: '/packages/notice/posters/index' });
