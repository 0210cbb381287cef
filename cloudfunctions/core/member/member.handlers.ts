import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { addExemption, endExemption, listExemptions } from './exemption.service';
import { bindWithInvite, createInvite } from './invite.service';
import { describeLogin, describeMyRecord } from './member.service';
import {
  createMember,
  deactivateMember,
  getMember,
  listMembers,
  setRoles,
  unbindMember,
  updateMember,
} from './roster.service';

export const memberHandlers: Handlers<typeof contracts.member> = {
  login: { access: 'member', run: (_input, { session }) => describeLogin(session) },
  me: { access: 'member', run: (_input, { session }) => describeMyRecord(session) },
  bind: { access: 'openid', run: (input, { openid }) => bindWithInvite(openid, input.code) },
  create: { access: 'member', run: (input, { session }) => createMember(session, input) },
  update: { access: 'member', run: (input, { session }) => updateMember(session, input) },
  deactivate: { access: 'member', run: (input, { session }) => deactivateMember(session, input) },
  get: { access: 'member', run: (input, { session }) => getMember(session, input.memberId) },
  list: { access: 'member', run: (input, { session }) => listMembers(session, input) },
  createInvite: { access: 'member', run: (input, { session }) => createInvite(session, input.memberId) },
  unbind: { access: 'member', run: (input, { session }) => unbindMember(session, input.memberId) },
  setRoles: { access: 'member', run: (input, { session }) => setRoles(session, input) },
  exemptions: { access: 'member', run: (input, { session }) => listExemptions(session, input.memberId) },
  addExemption: { access: 'member', run: (input, { session }) => addExemption(session, input) },
  endExemption: { access: 'member', run: (input, { session }) => endExemption(session, input) },
};
