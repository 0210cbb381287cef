import { contracts, useChineseErrors } from '@zhibu/types';
import { isTimerEvent, runHourly } from '../core/jobs/hourly';
import { jobsHandlers } from '../core/jobs/jobs.handlers';
import { getCaller } from '../core/runtime/caller';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

const api = createFunction('jobs', contracts.jobs, jobsHandlers);

/** 定时任务：活动提醒与统计计数重算（每小时，见 config.json 的定时触发器）；管理员也可手动重算。 */
export async function main(event: unknown): Promise<unknown> {
  // Only the platform's timer calls without a WeChat user; a client event claiming to be a timer has one.
  if (isTimerEvent(event) && !getCaller().openid) return runHourly();
  return api(event);
}
