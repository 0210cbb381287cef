import { contracts, useChineseErrors } from '@zhibu/types';
import { appraisalHandlers } from '../core/appraisal/appraisal.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 述职评议：局党委开启年度评议，支部书记提交述职，本支部党员与教师（一次性评价码）匿名评价。 */
export const main = createFunction('appraisal', contracts.appraisal, appraisalHandlers);
