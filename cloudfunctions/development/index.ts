import { contracts, useChineseErrors } from '@zhibu/types';
import { developmentHandlers } from '../core/development/development.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 发展党员：申请入党到转正的各个步骤及其日期、规则与提醒。 */
export const main = createFunction('development', contracts.development, developmentHandlers);
