import { contracts, useChineseErrors } from '@zhibu/types';
import { statsHandlers } from '../core/stats/stats.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 统计与合规：局党委看板、支部统计、合规日历、考评、导出通报、我的记录。 */
export const main = createFunction('stats', contracts.stats, statsHandlers);
