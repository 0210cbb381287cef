/**
 * The cloud functions the local runtime serves, by name. Loaded lazily: a function module may only
 * be loaded after the database seam is installed, because the SDK reads its transport then.
 */
export type FunctionMain = (event: unknown, context?: unknown) => Promise<unknown>;

export const functionLoaders: Record<string, () => Promise<{ main: FunctionMain }>> = {
  activity: () => import('../cloudfunctions/activity/index'),
  appraisal: () => import('../cloudfunctions/appraisal/index'),
  development: () => import('../cloudfunctions/development/index'),
  dues: () => import('../cloudfunctions/dues/index'),
  jobs: () => import('../cloudfunctions/jobs/index'),
  member: () => import('../cloudfunctions/member/index'),
  notice: () => import('../cloudfunctions/notice/index'),
  org: () => import('../cloudfunctions/org/index'),
  quiz: () => import('../cloudfunctions/quiz/index'),
  review: () => import('../cloudfunctions/review/index'),
  roster: () => import('../cloudfunctions/roster/index'),
  stats: () => import('../cloudfunctions/stats/index'),
  study: () => import('../cloudfunctions/study/index'),
  training: () => import('../cloudfunctions/training/index'),
  transfer: () => import('../cloudfunctions/transfer/index'),
};

export const functionNames = Object.keys(functionLoaders);
