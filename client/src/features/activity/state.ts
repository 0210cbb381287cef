import type { MyState } from './names';

export type BadgeTone = 'success' | 'info' | 'warning' | 'danger' | 'muted';

export interface Badge {
  text: string;
  tone: BadgeTone;
}

interface BadgeContext {
  status: 'scheduled' | 'cancelled';
  startAt: string;
  now?: number;
}

/**
 * The caller's own standing on an activity, as a small badge: 已签到, 已请假, 待审批, 缺席; before
 * the meeting 待参加, once it has begun 未签到. A cancelled activity says so instead. Null when the
 * caller is not expected (a committee member looking at someone else's meeting).
 */
export function stateBadge(myState: MyState, { status, startAt, now = Date.now() }: BadgeContext): Badge | null {
  if (status === 'cancelled') return { text: '已取消', tone: 'muted' };
  switch (myState) {
    case 'present':
      return { text: '已签到', tone: 'success' };
    case 'leave':
      return { text: '已请假', tone: 'info' };
    case 'pending_leave':
      return { text: '请假待审批', tone: 'warning' };
    case 'absent':
      return { text: '缺席', tone: 'danger' };
    case 'expected':
      return Date.parse(startAt) <= now ? { text: '未签到', tone: 'warning' } : { text: '待参加', tone: 'muted' };
    default:
      return null;
  }
}

/** Words for a past activity in 我的出勤记录, where every row has a state. */
export function historyBadge(state: NonNullable<MyState>): Badge {
  switch (state) {
    case 'present':
      return { text: '已签到', tone: 'success' };
    case 'leave':
      return { text: '已请假', tone: 'info' };
    case 'pending_leave':
      return { text: '请假待审批', tone: 'warning' };
    case 'absent':
      return { text: '缺席', tone: 'danger' };
    case 'expected':
      return { text: '未签到', tone: 'warning' };
  }
}
