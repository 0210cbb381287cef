import { contracts, useChineseErrors } from '@zhibu/types';
import { duesHandlers } from '../core/dues/dues.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 党费：基数（逐人或 .xlsx 导入）、减免、缴纳登记、我的党费、欠缴提醒、季度公示、局党委汇总与上缴导出。 */
export const main = createFunction('dues', contracts.dues, duesHandlers);
