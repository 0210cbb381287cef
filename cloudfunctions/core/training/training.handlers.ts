import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { configureRule } from './rule.service';
import { branchTerms, endTerm, overview, startTerm } from './terms.service';
import {
  createTraining,
  getTraining,
  listTrainings,
  myTraining,
  setAttendees,
  trainingCandidates,
} from './training.service';

export const trainingHandlers: Handlers<typeof contracts.training> = {
  create: { access: 'member', run: (input, { session }) => createTraining(session, input) },
  setAttendees: { access: 'member', run: (input, { session }) => setAttendees(session, input) },
  get: { access: 'member', run: (input, { session }) => getTraining(session, input.trainingId) },
  list: { access: 'member', run: (input, { session }) => listTrainings(session, input) },
  candidates: { access: 'member', run: (input, { session }) => trainingCandidates(session, input) },
  startTerm: { access: 'member', run: (input, { session }) => startTerm(session, input) },
  endTerm: { access: 'member', run: (input, { session }) => endTerm(session, input) },
  terms: { access: 'member', run: (input, { session }) => branchTerms(session, input.branchId) },
  overview: { access: 'member', run: (input, { session }) => overview(session, input) },
  mine: { access: 'member', run: (input, { session }) => myTraining(session, input) },
  rule: { access: 'member', run: (input, { session }) => configureRule(session, input) },
};
