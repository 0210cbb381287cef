import { contracts, useChineseErrors } from '@zhibu/types';
import { runHourly } from '../core/jobs/hourly';
import { isTimerTrigger, jobsHandlers, triggerNames } from '../core/jobs/jobs.handlers';
import { getCaller } from '../core/runtime/caller';
import { createFunction } from '../core/runtime/handler';
import config from './config.json';

useChineseErrors();

const api = createFunction('jobs', contracts.jobs, jobsHandlers);
const TRIGGERS = triggerNames(config);

/** 定时任务：活动提醒与统计计数重算（每小时，见 config.json 的定时触发器）；管理员也可手动重算。 */
export async function main(event: unknown): Promise<unknown> {
  if (isTimerTrigger(event, TRIGGERS, getCaller())) return runHourly();
  return api(event);
}
