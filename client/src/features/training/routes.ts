import Taro from '@tarojs/taro';

/** Addresses of the training register's pages (the `packages/training` subpackage). */
const ROOT = '/packages/training';

export const trainingPages = {
  list: () => `${ROOT}/list/index`,
  create: () => `${ROOT}/new/index`,
  detail: (trainingId: string) => `${ROOT}/detail/index?id=${encodeURIComponent(trainingId)}`,
  /** A branch's terms; without an id the caller's own branch. */
  terms: (branchId?: string) =>
    branchId ? `${ROOT}/terms/index?branchId=${encodeURIComponent(branchId)}` : `${ROOT}/terms/index`,
  mine: () => `${ROOT}/mine/index`,
};

export const openTrainingPage = (url: string) => void Taro.navigateTo({ url });
