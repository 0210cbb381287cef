import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { ballot, myReview, rate, selfAssess } from './ballot.service';
import { closeReview, committeeRate, progress, publishReview, sheet } from './committee.service';
import { openReview } from './open.service';
import { failing, results } from './results.service';
import { configureReview } from './settings';

export const reviewHandlers: Handlers<typeof contracts.review> = {
  configure: { access: 'member', run: (input, { session }) => configureReview(session, input) },
  open: { access: 'member', run: (input, { session }) => openReview(session, input) },
  mine: { access: 'member', run: (_input, { session }) => myReview(session) },
  ballot: { access: 'member', run: (input, { session }) => ballot(session, input) },
  selfAssess: { access: 'member', run: (input, { session }) => selfAssess(session, input) },
  rate: { access: 'member', run: (input, { session }) => rate(session, input) },
  close: { access: 'member', run: (input, { session }) => closeReview(session, input.reviewId) },
  progress: { access: 'member', run: (input, { session }) => progress(session, input.reviewId) },
  sheet: { access: 'member', run: (input, { session }) => sheet(session, input) },
  committeeRate: { access: 'member', run: (input, { session }) => committeeRate(session, input) },
  publish: { access: 'member', run: (input, { session }) => publishReview(session, input.reviewId) },
  results: { access: 'member', run: (input, { session }) => results(session, input) },
  failing: { access: 'member', run: (input, { session }) => failing(session, input) },
};
