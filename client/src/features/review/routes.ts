import Taro from '@tarojs/taro';

/**
 * Addresses of the 民主评议党员 pages (the `packages/review` subpackage), kept apart from the pages
 * so that 首页 and 我的 link to them without loading their code.
 */
const ROOT = '/packages/review';

export const reviewPages = {
  /** The member's own part: 自评 and rating the others. */
  home: () => `${ROOT}/home/index`,
  /** The secretary's and the committee's: open, progress, committee ratings, publish. */
  manage: () => `${ROOT}/manage/index`,
  results: (reviewId: string) => `${ROOT}/results/index?id=${encodeURIComponent(reviewId)}`,
  /** The bureau's list of 不合格 outcomes. */
  failing: () => `${ROOT}/failing/index`,
  /** The bureau's weights and 优秀 cap. */
  settings: () => `${ROOT}/settings/index`,
};

export const openReviewPage = (url: string) => void Taro.navigateTo({ url });
