import { type contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { describeLogin, describeMyRecord } from './member.service';

export const memberHandlers: Handlers<typeof contracts.member> = {
  login: { access: 'member', run: async (_input, { session }) => describeLogin(session) },
  me: { access: 'member', run: async (_input, { session }) => describeMyRecord(session) },
};
