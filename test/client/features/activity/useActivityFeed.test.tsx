import { act, renderHook } from '@testing-library/react';
import type { ActivitySummary } from '@zhibu/types';
import { noteActivityChanged, useActivityFeed } from '@/features/activity';
import { setToken } from '@/services/token';
import { mockFetch, type SentRequest } from '../../helpers';

const START = Date.parse('2026-11-25T07:00:00Z');

const scopeOf = (request: SentRequest) => (request.body as { data: { scope: string } }).data.scope;

function activity(activityId: string): ActivitySummary {
  return {
    activityId,
    branchId: 'b-1',
    title: '支部委员会',
    type: 'committee',
    startAt: '2026-11-26T15:00:00+08:00',
    endAt: '2026-11-26T16:00:00+08:00',
    place: '三楼会议室',
    status: 'scheduled',
    expected: 5,
    present: 0,
    leave: 0,
    myState: null,
    hasMinutes: false,
    pendingLeave: 0,
    checkinOpensAt: '2026-11-26T14:30:00+08:00',
    checkinClosesAt: '2026-11-26T16:30:00+08:00',
  };
}

/** Lets the fetch promises settle. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  jest.useFakeTimers({ now: START });
  setToken('tok-wang');
});
afterEach(() => jest.useRealTimers());

describe('the 活动 tab lists', () => {
  function render() {
    const { sent } = mockFetch((request) => ({
      body: { ok: true, data: { items: [activity(`${scopeOf(request)}-1`)], total: 1 } },
    }));
    const asked = () => sent.map(scopeOf);
    const hook = renderHook(() => useActivityFeed());
    return { ...hook, asked };
  }

  it('loads 已结束 only when it is first opened, and keeps both lists when switching back', async () => {
    const { result, asked } = render();
    await advance(0);
    expect(asked()).toEqual(['upcoming']);
    expect(result.current.items.map((a) => a.activityId)).toEqual(['upcoming-1']);

    act(() => result.current.setScope('past'));
    await advance(0);
    expect(asked()).toEqual(['upcoming', 'past']);
    expect(result.current.items.map((a) => a.activityId)).toEqual(['past-1']);

    act(() => result.current.setScope('upcoming'));
    await advance(0);
    expect(asked()).toEqual(['upcoming', 'past']);
    expect(result.current.items.map((a) => a.activityId)).toEqual(['upcoming-1']);
  });

  it('reloads the lists already opened when shown again after a minute, not sooner', async () => {
    const { result, asked } = render();
    await advance(0);

    await advance(30_000);
    act(() => result.current.reloadIfStale());
    await advance(0);
    expect(asked()).toEqual(['upcoming']);

    await advance(31_000);
    act(() => result.current.reloadIfStale());
    await advance(0);
    // 已结束 was never opened, so it still waits for its first visit.
    expect(asked()).toEqual(['upcoming', 'upcoming']);
  });

  it('reloads at once what this phone changed', async () => {
    const { result, asked } = render();
    await advance(0);
    act(() => result.current.setScope('past'));
    await advance(0);

    noteActivityChanged();
    act(() => result.current.reloadIfStale());
    await advance(0);
    expect(asked()).toEqual(['upcoming', 'past', 'upcoming', 'past']);

    act(() => result.current.reloadIfStale());
    await advance(0);
    expect(asked()).toHaveLength(4);
  });
});
