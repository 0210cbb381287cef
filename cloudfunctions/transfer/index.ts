import { contracts, useChineseErrors } from '@zhibu/types';
import { transferHandlers } from '../core/transfer/transfer.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 组织关系转接：局内支部间转接（发出、接收、退回）、转出局外、从局外转入。 */
export const main = createFunction('transfer', contracts.transfer, transferHandlers);
