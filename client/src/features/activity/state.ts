import type { MyState } from './names';

export type BadgeTone = 'success' | 'info' | 'warning' | 'danger' | 'muted';

export interface Badge {
  text: string;
  tone: BadgeTone;
}

interface BadgeContext {
  status: 'scheduled' | 'cancelled';
  startAt: string;
  endAt: string;
  now?: number;
}

/** The states that read the same wherever they are shown. */
const SETTLED: Record<Exclude<NonNullable<MyState>, 'expected'>, Badge> = {
  present: { text: '已签到', tone: 'success' },
  leave: { text: '已请假', tone: 'info' },
  pending_leave: { text: '请假待审批', tone: 'warning' },
  absent: { text: '缺席', tone: 'danger' },
};
const NOT_CHECKED_IN: Badge = { text: '未签到', tone: 'warning' };

/**
 * The caller's own standing on an activity, as a small badge: 已签到, 已请假, 待审批, 缺席 (after the
 * end); before the meeting 待参加, once it has begun and until it ends 未签到. A cancelled activity says so instead. Null when the
 * caller is not expected (a committee member looking at someone else's meeting).
 */
export function stateBadge(myState: MyState, { status, startAt, endAt, now = Date.now() }: BadgeContext): Badge | null {
  if (status === 'cancelled') return { text: '已取消', tone: 'muted' };
  if (myState === null) return null;
  // One word per thing: absent (marked by hand) is only 缺席 once the meeting is over, as on 出勤情况.
  if (myState === 'absent' && now <= Date.parse(endAt)) return NOT_CHECKED_IN;
  if (myState !== 'expected') return SETTLED[myState];
  return Date.parse(startAt) <= now ? NOT_CHECKED_IN : { text: '待参加', tone: 'muted' };
}

/** Words for a past activity in 我的出勤记录, where every row has a state. */
export function historyBadge(state: NonNullable<MyState>): Badge {
  return state === 'expected' ? NOT_CHECKED_IN : SETTLED[state];
}
