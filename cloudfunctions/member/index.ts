import { contracts, useChineseErrors } from '@zhibu/types';
import { memberHandlers } from '../core/member/member.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 党员身份：我是谁（login）与我的档案（me）。 */
export const main = createFunction('member', contracts.member, memberHandlers);
