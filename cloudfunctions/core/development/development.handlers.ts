import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { correctStep, recordStep, startCandidacy } from './pipeline.service';
import { dueSoon, getTimeline, listCandidates, myTimeline, pipeline, sponsoredCandidates } from './read.service';
import { configureSettings } from './settings';

export const developmentHandlers: Handlers<typeof contracts.development> = {
  start: { access: 'member', run: (input, { session }) => startCandidacy(session, input) },
  record: { access: 'member', run: (input, { session }) => recordStep(session, input) },
  correct: { access: 'member', run: (input, { session }) => correctStep(session, input) },
  timeline: { access: 'member', run: (input, { session }) => getTimeline(session, input.candidateId) },
  mine: { access: 'member', run: (_input, { session }) => myTimeline(session) },
  list: { access: 'member', run: (input, { session }) => listCandidates(session, input) },
  sponsored: { access: 'member', run: (_input, { session }) => sponsoredCandidates(session) },
  due: { access: 'member', run: (_input, { session }) => dueSoon(session) },
  pipeline: { access: 'member', run: (_input, { session }) => pipeline(session) },
  configure: { access: 'member', run: (input, { session }) => configureSettings(session, input) },
};
