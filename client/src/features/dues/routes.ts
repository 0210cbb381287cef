import Taro from '@tarojs/taro';

/** Addresses of the 党费 pages (the `packages/dues` subpackage), so 我的 links to them without loading their code. */
const ROOT = '/packages/dues';

export const duesPages = {
  mine: () => `${ROOT}/mine/index`,
  manage: () => `${ROOT}/manage/index`,
  member: (memberId: string) => `${ROOT}/member/index?id=${encodeURIComponent(memberId)}`,
  import: () => `${ROOT}/import/index`,
  board: () => `${ROOT}/board/index`,
  bureau: () => `${ROOT}/bureau/index`,
};

export const openDuesPage = (url: string) => void Taro.navigateTo({ url });
