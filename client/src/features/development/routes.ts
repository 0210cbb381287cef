import Taro from '@tarojs/taro';

/**
 * Addresses of the 发展党员 pages (the `packages/development` subpackage), kept apart from the pages
 * so that 首页 and 我的 link to them without loading their code.
 */
const ROOT = '/packages/development';

export const developmentPages = {
  list: () => `${ROOT}/list/index`,
  /** A candidate's timeline; without an id the caller's own. */
  timeline: (candidateId?: string) =>
    candidateId ? `${ROOT}/timeline/index?id=${encodeURIComponent(candidateId)}` : `${ROOT}/timeline/index`,
  pipeline: () => `${ROOT}/pipeline/index`,
};

export const openDevelopmentPage = (url: string) => void Taro.navigateTo({ url });
