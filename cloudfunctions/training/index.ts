import { contracts, useChineseErrors } from '@zhibu/types';
import { trainingHandlers } from '../core/training/training.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 支部书记培训登记：任期、培训与参加人员（可扫码签到）、每届任期的培训次数。 */
export const main = createFunction('training', contracts.training, trainingHandlers);
