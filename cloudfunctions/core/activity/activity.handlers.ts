import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import {
  cancelActivity,
  createActivity,
  getActivity,
  listActivities,
  pushActivity,
  updateActivity,
} from './activity.service';
import { attendance, markAttendance, myAttendance, requestLeave, reviewLeave } from './attendance.service';
import { checkIn, checkinCode } from './checkin.service';
import { activityHome } from './home.service';
import { saveMinutes } from './minutes.service';
import { remind } from './reminder.service';

export const activityHandlers: Handlers<typeof contracts.activity> = {
  create: { access: 'member', run: (input, { session }) => createActivity(session, input) },
  push: { access: 'member', run: (input, { session }) => pushActivity(session, input) },
  update: { access: 'member', run: (input, { session }) => updateActivity(session, input) },
  cancel: { access: 'member', run: (input, { session }) => cancelActivity(session, input) },
  list: { access: 'member', run: (input, { session }) => listActivities(session, input) },
  home: { access: 'member', run: (_input, { session }) => activityHome(session) },
  get: { access: 'member', run: (input, { session }) => getActivity(session, input.activityId) },
  checkinCode: { access: 'member', run: (input, { session }) => checkinCode(session, input.activityId) },
  checkin: { access: 'member', run: (input, { session }) => checkIn(session, input.token) },
  requestLeave: { access: 'member', run: (input, { session }) => requestLeave(session, input) },
  reviewLeave: { access: 'member', run: (input, { session }) => reviewLeave(session, input) },
  markAttendance: { access: 'member', run: (input, { session }) => markAttendance(session, input) },
  attendance: { access: 'member', run: (input, { session }) => attendance(session, input.activityId) },
  myAttendance: { access: 'member', run: (input, { session }) => myAttendance(session, input) },
  saveMinutes: { access: 'member', run: (input, { session }) => saveMinutes(session, input) },
  remind: { access: 'member', run: (input, { session }) => remind(session, input.activityId) },
};
