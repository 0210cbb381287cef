import { contracts, useChineseErrors } from '@zhibu/types';
import { noticeHandlers } from '../core/notice/notice.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 通知公告：发布、阅读与签收、回执、一次提醒、修改与撤回。 */
export const main = createFunction('notice', contracts.notice, noticeHandlers);
