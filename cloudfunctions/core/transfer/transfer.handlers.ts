import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { acceptTransfer, returnTransfer } from './decide.service';
import { getTransfer, listTransfers, transferBranches, waitingTransfers } from './read.service';
import { receiveTransfer, startTransfer } from './start.service';

export const transferHandlers: Handlers<typeof contracts.transfer> = {
  start: { access: 'member', run: (input, { session }) => startTransfer(session, input) },
  accept: { access: 'member', run: (input, { session }) => acceptTransfer(session, input.transferId) },
  return: { access: 'member', run: (input, { session }) => returnTransfer(session, input) },
  receive: { access: 'member', run: (input, { session }) => receiveTransfer(session, input) },
  get: { access: 'member', run: (input, { session }) => getTransfer(session, input.transferId) },
  list: { access: 'member', run: (input, { session }) => listTransfers(session, input) },
  branches: { access: 'member', run: (input, { session }) => transferBranches(session, input) },
  waiting: { access: 'member', run: (_input, { session }) => waitingTransfers(session) },
};
