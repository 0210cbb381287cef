import { contracts, useChineseErrors } from '@zhibu/types';
import { orgHandlers } from '../core/org/org.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 组织管理：支部的建立、更名、合并、拆分，党小组，以及变更记录。 */
export const main = createFunction('org', contracts.org, orgHandlers);
