import { act, renderHook } from '@testing-library/react';
import { useCheckinCode } from '@/features/activity/manage/useCheckinCode';
import { setToken } from '@/services/token';
import { mockFetch, type SentRequest } from '../../helpers';

const START = Date.parse('2026-11-25T07:00:03Z');

function codeAnswer(now: number, present: number) {
  const slot = Math.floor(now / 15_000);
  return {
    ok: true,
    data: {
      token: `a1.${slot.toString(36)}.mac`,
      expiresAt: new Date((slot + 1) * 15_000).toISOString(),
      serverTime: new Date(now).toISOString(),
      slotSeconds: 15,
      qrImage: 'data:image/png;base64,AAAA',
      expected: 14,
      present,
    },
  };
}

const actionOf = (request: SentRequest) => (request.body as { action: string }).action;

/** Lets the fetch promises the timers started settle. */
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

describe('the rotating code on the secretary screen', () => {
  it('asks the server once per 15-second slot, just after the slot ends by its clock, and stops when unmounted', async () => {
    let present = 0;
    const { sent } = mockFetch((request) =>
      actionOf(request) === 'checkinCode'
        ? { body: codeAnswer(Date.now(), present) }
        : { body: { ok: true, data: { expected: 14, present } } },
    );
    const { result, unmount } = renderHook(() => useCheckinCode('a1', true));
    await advance(0);
    expect(result.current.state.status).toBe('showing');
    const codes = () => sent.filter((r) => actionOf(r) === 'checkinCode').length;
    expect(codes()).toBe(1);

    // Issued at :03 for the slot ending at :15: the next is asked for just after :15, once.
    await advance(12_200);
    expect(codes()).toBe(1);
    present = 3;
    await advance(200);
    expect(codes()).toBe(2);
    // The head count comes with each code: nothing else is asked for.
    expect(result.current.counts).toEqual({ expected: 14, present: 3 });

    // A minute of codes: four slots, four requests, and nothing in between.
    await advance(60_000);
    expect(codes()).toBe(6);
    expect(sent.length).toBe(codes());

    unmount();
    const before = sent.length;
    await advance(60_000);
    expect(sent.length).toBe(before);
  });

  it('says why when check-in is not open, and keeps the old code through a network blip', async () => {
    let answer: 'closed' | 'ok' | 'down' = 'ok';
    mockFetch((request) => {
      if (actionOf(request) === 'get')
        return { body: { ok: true, data: { expected: 14, present: 0, checkinOpensAt: '2026-11-24T00:00:00Z' } } };
      if (answer === 'closed')
        return { body: { ok: false, code: 'FAILED_PRECONDITION', message: '签到已结束：活动结束 30 分钟后关闭签到' } };
      if (answer === 'down') return { body: { ok: false, code: 'INTERNAL', message: '网络不可用，请检查网络后重试' } };
      return { body: codeAnswer(Date.now(), 0) };
    });
    const { result } = renderHook(() => useCheckinCode('a1', true));
    await advance(0);
    expect(result.current.state.status).toBe('showing');

    answer = 'down';
    await advance(12_400);
    expect(result.current.state).toMatchObject({ status: 'showing', offline: true });

    answer = 'closed';
    await advance(3_000);
    expect(result.current.state).toEqual({
      status: 'closed',
      message: '签到已结束：活动结束 30 分钟后关闭签到',
      opensAt: null,
    });
  });
});
