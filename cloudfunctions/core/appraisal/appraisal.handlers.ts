import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { issueCodes } from './codes';
import { exportResults } from './export.service';
import { mine, submitReport } from './report.service';
import { closeRound, openRound, overview } from './round.service';
import { rateWithCode, viewWithCode } from './teacher.service';
import { rateReport } from './vote.service';

export const appraisalHandlers: Handlers<typeof contracts.appraisal> = {
  open: { access: 'member', run: (input, { session }) => openRound(session, input) },
  close: { access: 'member', run: (input, { session }) => closeRound(session, input.roundId) },
  overview: { access: 'member', run: (input, { session }) => overview(session, input) },
  mine: { access: 'member', run: (input, { session }) => mine(session, input.year) },
  submit: { access: 'member', run: (input, { session }) => submitReport(session, input) },
  rate: { access: 'member', run: (input, { session }) => rateReport(session, input) },
  issueCodes: { access: 'member', run: (input, { session }) => issueCodes(session, input) },
  // A teacher is no member: the one-time code is what entitles them.
  teacherView: { access: 'anyone', run: (input, { openid }) => viewWithCode(openid, input) },
  teacherRate: { access: 'anyone', run: (input, { openid }) => rateWithCode(openid, input) },
  export: { access: 'member', run: (input, { session }) => exportResults(session, input.year) },
};
