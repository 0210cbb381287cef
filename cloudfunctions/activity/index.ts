import { contracts, useChineseErrors } from '@zhibu/types';
import { activityHandlers } from '../core/activity/activity.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 组织生活：活动、轮换二维码签到、请假与手工标记、出勤、会议记录、提醒。 */
export const main = createFunction('activity', contracts.activity, activityHandlers);
