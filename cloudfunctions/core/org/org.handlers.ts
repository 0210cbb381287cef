import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { readAuditLog } from './audit-log.service';
import {
  createBranch,
  getBranch,
  listBranches,
  mergeBranches,
  renameBranch,
  setPartyGroups,
  splitBranch,
} from './branch.service';

export const orgHandlers: Handlers<typeof contracts.org> = {
  branches: { access: 'member', run: (input, { session }) => listBranches(session, input) },
  branch: { access: 'member', run: (input, { session }) => getBranch(session, input.branchId) },
  createBranch: { access: 'member', run: (input, { session }) => createBranch(session, input) },
  renameBranch: { access: 'member', run: (input, { session }) => renameBranch(session, input) },
  setPartyGroups: { access: 'member', run: (input, { session }) => setPartyGroups(session, input) },
  mergeBranches: { access: 'member', run: (input, { session }) => mergeBranches(session, input) },
  splitBranch: { access: 'member', run: (input, { session }) => splitBranch(session, input) },
  auditLog: { access: 'member', run: (input, { session }) => readAuditLog(session, input) },
};
