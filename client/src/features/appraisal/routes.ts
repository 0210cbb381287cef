import Taro from '@tarojs/taro';

/** Addresses of the 述职评议 pages (the `packages/appraisal` subpackage), so other pages link without loading them. */
const ROOT = '/packages/appraisal';

export const appraisalPages = {
  mine: () => `${ROOT}/mine/index`,
  bureau: () => `${ROOT}/bureau/index`,
  /** A teacher's code entry: needs no member and, in H5, no login. */
  teacher: () => `${ROOT}/teacher/index`,
};

export const openAppraisalPage = (url: string) => void Taro.navigateTo({ url });

/** The year a round is for: the current one in Beijing. */
export const currentYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
