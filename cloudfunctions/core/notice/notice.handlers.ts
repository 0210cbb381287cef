import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { createNotice, updateNotice, withdrawNotice } from './notice.service';
import { confirmNotice, getNotice, listNotices } from './read.service';
import { noticeReceipts } from './receipts.service';
import { noticePosters, setNoticePosters } from './posters.service';
import { remindNotice } from './reminder.service';

export const noticeHandlers: Handlers<typeof contracts.notice> = {
  create: { access: 'member', run: (input, { session }) => createNotice(session, input) },
  update: { access: 'member', run: (input, { session }) => updateNotice(session, input) },
  withdraw: { access: 'member', run: (input, { session }) => withdrawNotice(session, input) },
  list: { access: 'member', run: (input, { session }) => listNotices(session, input) },
  get: { access: 'member', run: (input, { session }) => getNotice(session, input.noticeId) },
  confirm: { access: 'member', run: (input, { session }) => confirmNotice(session, input.noticeId) },
  receipts: { access: 'member', run: (input, { session }) => noticeReceipts(session, input) },
  remind: { access: 'member', run: (input, { session }) => remindNotice(session, input.noticeId) },
  posters: { access: 'member', run: (_input, { session }) => noticePosters(session) },
  setPosters: { access: 'member', run: (input, { session }) => setNoticePosters(session, input) },
};
