import { contracts, useChineseErrors } from '@zhibu/types';
import { reviewHandlers } from '../core/review/review.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 民主评议党员：开启评议、自评、匿名互评、支部评定、结果公示与局党委的不合格名单。 */
export const main = createFunction('review', contracts.review, reviewHandlers);
