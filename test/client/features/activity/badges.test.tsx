import { render, screen } from '@testing-library/react';
import { ACTIVITY_TYPE_NAMES as CONTRACT_NAMES } from '@zhibu/types';
import { Badge, TypeTag } from '@/features/activity/Badge';
import { ACTIVITY_TYPE_NAMES, ACTIVITY_TYPE_ORDER, audienceLabel, describeChange } from '@/features/activity/names';
import { historyBadge, stateBadge } from '@/features/activity/state';

const START = '2026-11-25T07:00:00Z';
const END = '2026-11-25T08:30:00Z';
const BEFORE = Date.parse('2026-11-25T06:00:00Z');
const DURING = Date.parse('2026-11-25T07:10:00Z');
const AFTER = Date.parse('2026-11-25T09:00:00Z');
const scheduled = (now: number) => ({ status: 'scheduled' as const, startAt: START, endAt: END, now });

describe('my state on an activity', () => {
  it('shows 已签到 / 已请假 / 请假待审批 / 缺席 with a tone each', () => {
    expect(stateBadge('present', scheduled(DURING))).toEqual({ text: '已签到', tone: 'success' });
    expect(stateBadge('leave', scheduled(BEFORE))).toEqual({ text: '已请假', tone: 'info' });
    expect(stateBadge('pending_leave', scheduled(BEFORE))).toEqual({ text: '请假待审批', tone: 'warning' });
    expect(stateBadge('absent', scheduled(AFTER))).toEqual({ text: '缺席', tone: 'danger' });
  });

  it('says 缺席 only after the end: marked absent during the meeting reads 未签到, as 出勤情况 says 未到', () => {
    expect(stateBadge('absent', scheduled(DURING))).toEqual({ text: '未签到', tone: 'warning' });
  });

  it('says 待参加 before the start and 未签到 once it has begun', () => {
    expect(stateBadge('expected', scheduled(BEFORE))).toEqual({ text: '待参加', tone: 'muted' });
    expect(stateBadge('expected', scheduled(DURING))).toEqual({ text: '未签到', tone: 'warning' });
  });

  it('shows nothing for someone not expected, and 已取消 for a cancelled activity', () => {
    expect(stateBadge(null, scheduled(BEFORE))).toBeNull();
    expect(stateBadge('present', { status: 'cancelled', startAt: START, endAt: END, now: DURING })).toEqual({
      text: '已取消',
      tone: 'muted',
    });
    expect(historyBadge('expected')).toEqual({ text: '未签到', tone: 'warning' });
  });

  it('renders as a tag with its tone', () => {
    render(<Badge badge={{ text: '已签到', tone: 'success' }} />);
    expect(screen.getByText('已签到')).toHaveClass('act-badge', 'act-badge--success');
  });
});

describe('activity names', () => {
  it('keeps the bundled type names equal to the contract', () => {
    expect(ACTIVITY_TYPE_NAMES).toEqual(CONTRACT_NAMES);
    expect([...ACTIVITY_TYPE_ORDER].sort()).toEqual(Object.keys(CONTRACT_NAMES).sort());
  });

  it('tags a row with the type, 其他活动 shortened', () => {
    render(
      <>
        <TypeTag type="party_congress" />
        <TypeTag type="other" />
      </>,
    );
    expect(screen.getByText('支部党员大会')).toHaveClass('act-type-tag');
    expect(screen.getByText('其他')).toBeInTheDocument();
  });

  it('words the audience and the change log', () => {
    expect(audienceLabel({ kind: 'branch' })).toBe('支部全体党员');
    expect(
      audienceLabel({ kind: 'group', partyGroupId: 'g1' }, (id) => (id === 'g1' ? '高一年级党小组' : undefined)),
    ).toBe('高一年级党小组');
    expect(audienceLabel({ kind: 'members', memberIds: ['a', 'b'] })).toBe('指定党员');
    expect(describeChange({ byName: '王建国', memberName: '刘洋', change: 'marked_present' })).toBe(
      '王建国 将 刘洋 标记为到场',
    );
    expect(describeChange({ byName: '王建国', memberName: '刘洋', change: 'leave_rejected' })).toBe(
      '王建国 未批准 刘洋 的请假',
    );
  });

  it('logs a hand mark of absence with the page’s word: 未到 before the end, 缺席 after', () => {
    const change = { byName: '王建国', memberName: '刘洋', change: 'marked_absent' };
    expect(describeChange(change, '未到')).toBe('王建国 将 刘洋 标记为未到');
    expect(describeChange(change, '缺席')).toBe('王建国 将 刘洋 标记为缺席');
  });
});
