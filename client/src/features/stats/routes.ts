import Taro from '@tarojs/taro';
import type { ActivityType } from '@zhibu/types';

/**
 * Addresses of the statistics pages. The bureau's and the committee's screens (and the charts) are
 * in the `packages/stats` subpackage; a member's own record is in the main package. Kept apart
 * from the pages so that 首页 and 我的 can link to them without loading their code.
 */
const ROOT = '/packages/stats';

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((e): e is [string, string] => Boolean(e[1]));
  return pairs.length ? `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : path;
}

export const statsPages = {
  dashboard: (period?: string) => withQuery(`${ROOT}/dashboard/index`, { period }),
  /** A branch's page; without branchId the caller's own branch. */
  branch: (query: { branchId?: string; period?: string } = {}) => withQuery(`${ROOT}/branch/index`, query),
  inspection: (period?: string) => withQuery(`${ROOT}/inspection/index`, { period }),
  rules: () => `${ROOT}/rules/index`,
  mine: () => '/pages/mine/record/index',
  /** 发起活动 with its type chosen, from 本月待办. */
  newActivity: (type: ActivityType) => withQuery('/packages/activity/edit/index', { type }),
};

export const openStatsPage = (url: string) => void Taro.navigateTo({ url });
