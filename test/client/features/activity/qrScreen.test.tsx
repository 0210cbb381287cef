import { render, screen } from '@testing-library/react';
import type { ActivityDetail } from '@zhibu/types';
import QrPage from '@/packages/activity/qr/index';
import { setToken } from '@/services/token';
import { mockFetch } from '../../helpers';
import { taroMock } from '../../mocks/taro';

const DAY = 86_400_000;

function inThreeDays(): ActivityDetail {
  const start = Date.now() + 3 * DAY;
  return {
    activityId: 'a-later',
    branchId: 'b-1',
    title: '民主评议党员',
    type: 'party_congress',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + DAY / 24).toISOString(),
    place: '三楼会议室',
    status: 'scheduled',
    expected: 14,
    present: 0,
    leave: 0,
    myState: 'expected',
    hasMinutes: false,
    pendingLeave: 0,
    agenda: '',
    audience: { kind: 'branch' },
    createdByName: '王建国',
    canManage: true,
    minutes: null,
    myLeave: null,
    checkinOpensAt: new Date(start - DAY / 48).toISOString(),
    checkinClosesAt: new Date(start + DAY / 12).toISOString(),
    cancelReason: null,
    reminderSent: false,
    audienceGroupName: null,
    alsoCountsAs: [],
  };
}

describe('the QR screen before check-in opens', () => {
  it('says 签到尚未开始 once on the card, with when it opens', async () => {
    setToken('tok');
    taroMock.setParams({ id: 'a-later' });
    mockFetch((request) => {
      const action = (request.body as { action?: string }).action;
      if (action === 'get') return { body: { ok: true, data: inThreeDays() } };
      return { body: { ok: false, code: 'FAILED_PRECONDITION', message: '签到尚未开始，请在签到时间内再试' } };
    });
    render(<QrPage />);
    expect(await screen.findByText('签到尚未开始')).toBeInTheDocument();
    expect(screen.getAllByText(/尚未开始/)).toHaveLength(1);
    expect(screen.getByText(/签到时间：/)).toBeInTheDocument();
  });
});
