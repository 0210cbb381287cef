import type { ActivityDetail } from '@zhibu/types';
import {
  checkForm,
  emptyForm,
  formFromDetail,
  patchFor,
  toggleAlso,
  type ActivityFormValues,
} from '@/features/activity/form';

const filled: ActivityFormValues = {
  ...emptyForm(Date.parse('2026-11-20T02:10:00Z')),
  title: '11月主题党日',
  place: '学校三楼会议室',
};

const detail: ActivityDetail = {
  activityId: 'a1',
  branchId: 'b-qhyz',
  title: '11月主题党日',
  type: 'theme_day',
  startAt: '2026-11-25T07:00:00.000Z',
  endAt: '2026-11-25T08:30:00.000Z',
  place: '学校三楼会议室',
  status: 'scheduled',
  expected: 14,
  present: 0,
  leave: 0,
  myState: 'expected',
  hasMinutes: false,
  pendingLeave: 0,
  agenda: '',
  audience: { kind: 'branch' },
  alsoCountsAs: [],
  createdByName: '王建国',
  canManage: true,
  minutes: null,
  myLeave: null,
  checkinOpensAt: '2026-11-25T06:30:00.000Z',
  checkinClosesAt: '2026-11-25T09:00:00.000Z',
  cancelReason: null,
  reminderSent: false,
  audienceGroupName: null,
};

describe('the activity form', () => {
  it('starts at the next half hour in Beijing, 90 minutes long, for the whole branch', () => {
    // 10:10 in Beijing.
    expect(emptyForm(Date.parse('2026-11-20T02:10:00Z'))).toMatchObject({
      date: '2026-11-20',
      startTime: '10:30',
      endTime: '12:00',
      audienceKind: 'branch',
    });
    // 23:40 in Beijing: tomorrow at midnight, kept within that day.
    expect(emptyForm(Date.parse('2026-11-20T15:40:00Z'))).toMatchObject({
      date: '2026-11-21',
      startTime: '00:00',
      endTime: '01:30',
    });
    // 23:10: starts 23:30, ends at 23:59 rather than on the next day.
    expect(emptyForm(Date.parse('2026-11-20T15:10:00Z'))).toMatchObject({ startTime: '23:30', endTime: '23:59' });
  });

  it('builds the server input with +08:00 times', () => {
    const check = checkForm({ ...filled, date: '2026-11-25', startTime: '15:00', endTime: '16:30' });
    expect(check).toEqual({
      ok: true,
      input: {
        type: 'theme_day',
        title: '11月主题党日',
        startAt: '2026-11-25T15:00:00+08:00',
        endAt: '2026-11-25T16:30:00+08:00',
        place: '学校三楼会议室',
        agenda: '',
        audience: { kind: 'branch' },
        alsoCountsAs: [],
      },
    });
  });

  it('names the field that is wrong, in words a secretary understands', () => {
    expect(checkForm({ ...filled, title: ' 会' })).toMatchObject({ ok: false, field: 'title' });
    expect(checkForm({ ...filled, place: '  ' })).toMatchObject({
      ok: false,
      field: 'place',
      message: '请填写活动地点',
    });
    expect(checkForm({ ...filled, startTime: '16:00', endTime: '15:00' })).toMatchObject({
      ok: false,
      field: 'time',
      message: '结束时间应晚于开始时间',
    });
    expect(checkForm({ ...filled, startTime: '07:00', endTime: '20:00' })).toMatchObject({ ok: false, field: 'time' });
    expect(checkForm({ ...filled, audienceKind: 'group' })).toMatchObject({
      ok: false,
      field: 'audience',
      message: '请选择参加的党小组',
    });
    expect(checkForm({ ...filled, audienceKind: 'members' })).toMatchObject({ ok: false, field: 'audience' });
    expect(checkForm({ ...filled, audienceKind: 'members', memberIds: ['m1', 'm1', 'm2'] })).toMatchObject({
      ok: true,
      input: { audience: { kind: 'members', memberIds: ['m1', 'm2'] } },
    });
  });

  it('edits send only what changed, and a moved meeting sends both times', () => {
    const values = formFromDetail(detail);
    expect(values).toMatchObject({ date: '2026-11-25', startTime: '15:00', endTime: '16:30' });
    const same = checkForm(values);
    if (!same.ok) throw new Error(same.message);
    expect(patchFor(detail, same.input)).toEqual({});

    const moved = checkForm({ ...values, startTime: '14:00', place: '报告厅' });
    if (!moved.ok) throw new Error(moved.message);
    expect(patchFor(detail, moved.input)).toEqual({
      place: '报告厅',
      startAt: '2026-11-25T14:00:00+08:00',
      endAt: '2026-11-25T16:30:00+08:00',
    });

    const narrowed = checkForm({ ...values, audienceKind: 'committee' });
    if (!narrowed.ok) throw new Error(narrowed.message);
    expect(patchFor(detail, narrowed.input)).toEqual({ audience: { kind: 'committee' } });
  });

  it('同时计入: picks up to three other items, never its own type, and edits send the list when it changed', () => {
    let values = formFromDetail(detail);
    values = toggleAlso(values, 'theme_day');
    expect(values.alsoCountsAs).toEqual([]);
    for (const type of ['lecture', 'life_meeting', 'review', 'party_congress'] as const)
      values = toggleAlso(values, type);
    expect(values.alsoCountsAs).toEqual(['lecture', 'life_meeting', 'review']);
    values = toggleAlso(values, 'life_meeting');
    expect(values.alsoCountsAs).toEqual(['lecture', 'review']);
    const check = checkForm(values);
    if (!check.ok) throw new Error(check.message);
    expect(patchFor(detail, check.input)).toEqual({ alsoCountsAs: ['lecture', 'review'] });
    // A type changed to one of the picked items drops it from the list rather than being refused.
    const retyped = checkForm({ ...values, type: 'lecture' });
    expect(retyped).toMatchObject({ ok: true, input: { type: 'lecture', alsoCountsAs: ['review'] } });
  });
});
