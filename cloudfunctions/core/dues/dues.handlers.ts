import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { memberDues, myDues, setBase, setRelief } from './base.service';
import { listBases } from './bases.service';
import { publishBoard, readBoard } from './board.service';
import { baseTemplate, importBases } from './import.service';
import { duesOverview, exportDues } from './overview.service';
import { recordPayment } from './payment.service';
import { remindOverdue } from './reminder.service';
import { configureDues, loadDuesSettings } from './settings';

export const duesHandlers: Handlers<typeof contracts.dues> = {
  settings: { access: 'member', run: () => loadDuesSettings() },
  configure: { access: 'member', run: (input, { session }) => configureDues(session, input) },
  bases: { access: 'member', run: (input, { session }) => listBases(session, input) },
  setBase: { access: 'member', run: (input, { session }) => setBase(session, input) },
  setRelief: { access: 'member', run: (input, { session }) => setRelief(session, input) },
  importBases: { access: 'member', run: (input, { session }) => importBases(session, input) },
  template: { access: 'member', run: (input, { session }) => baseTemplate(session, input.year) },
  member: { access: 'member', run: (input, { session }) => memberDues(session, input.memberId, input.year) },
  recordPayment: { access: 'member', run: (input, { session }) => recordPayment(session, input) },
  mine: { access: 'member', run: (input, { session }) => myDues(session, input.year) },
  remind: { access: 'member', run: (_input, { session }) => remindOverdue(session) },
  publish: { access: 'member', run: (input, { session }) => publishBoard(session, input) },
  board: { access: 'member', run: (input, { session }) => readBoard(session, input) },
  overview: { access: 'member', run: (input, { session }) => duesOverview(session, input.year) },
  export: { access: 'member', run: (input, { session }) => exportDues(session, input.year) },
};
