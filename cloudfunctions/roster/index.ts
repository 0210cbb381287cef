import { contracts, useChineseErrors } from '@zhibu/types';
import { rosterHandlers } from '../core/roster/roster.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 党员名册：.xlsx 导入（先校验全部行，有错不写入）与导出（默认隐藏手机号）。 */
export const main = createFunction('roster', contracts.roster, rosterHandlers);
