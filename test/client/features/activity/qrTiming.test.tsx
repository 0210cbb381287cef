import { delayUntil, MIN_REFRESH_GAP_MS, scheduleCode, secondsLeft } from '@/features/activity/qrTiming';

const at = (iso: string) => Date.parse(iso);

describe('when the secretary screen fetches the next code', () => {
  it('asks once per slot, just after the slot ends, and counts down to it', () => {
    const received = at('2026-11-25T07:00:03Z');
    const { deadline, refreshAt } = scheduleCode('2026-11-25T07:00:15.000Z', '2026-11-25T07:00:03.000Z', received, 15);
    expect(deadline).toBe(at('2026-11-25T07:00:15Z'));
    expect(refreshAt).toBe(at('2026-11-25T07:00:15.3Z'));
    expect(delayUntil(refreshAt, received)).toBe(12_300);
    expect(secondsLeft(deadline, received)).toBe(12);
    expect(secondsLeft(deadline, at('2026-11-25T07:00:14.2Z'))).toBe(1);
    expect(secondsLeft(deadline, at('2026-11-25T07:00:20Z'))).toBe(0);
  });

  it('never asks again sooner than a second, even right at the end of a slot', () => {
    const received = at('2026-11-25T07:00:14.5Z');
    const { refreshAt } = scheduleCode('2026-11-25T07:00:15.000Z', '2026-11-25T07:00:14.500Z', received, 15);
    expect(refreshAt - received).toBe(MIN_REFRESH_GAP_MS);
  });

  it('counts down by the server clock, whatever the phone clock says', () => {
    // Phone 2 minutes fast: 12 seconds are left by the server's clock, so 12 on the phone's too.
    const fast = at('2026-11-25T07:02:03Z');
    expect(scheduleCode('2026-11-25T07:00:15.000Z', '2026-11-25T07:00:03.000Z', fast, 15)).toEqual({
      deadline: fast + 12_000,
      refreshAt: fast + 12_300,
    });
    // Phone 2 minutes slow: the same.
    const slow = at('2026-11-25T06:58:03Z');
    expect(scheduleCode('2026-11-25T07:00:15.000Z', '2026-11-25T07:00:03.000Z', slow, 15).refreshAt).toBe(
      slow + 12_300,
    );
  });

  it('copes with a missing slot length or an unreadable time', () => {
    const received = at('2026-11-25T07:00:00Z');
    expect(scheduleCode('garbage', '2026-11-25T07:00:00Z', received, 15)).toEqual({
      deadline: received + 15_000,
      refreshAt: received + 15_300,
    });
    expect(scheduleCode('2026-11-25T07:00:10Z', '2026-11-25T07:00:00Z', received, 0).refreshAt).toBe(received + 10_300);
  });
});
