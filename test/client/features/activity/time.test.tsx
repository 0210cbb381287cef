import {
  beijingClock,
  beijingDate,
  beijingParts,
  formatDateTime,
  formatDay,
  formatTimeRange,
  minutesBetween,
  nextHalfHour,
  toBeijingIso,
} from '@/features/activity/time';

// 2026-11-25 is a Wednesday. 15:00 in Beijing is 07:00 UTC.
const NOW = Date.parse('2026-11-20T02:00:00Z');

describe('Beijing time, whatever the phone is set to', () => {
  it('reads an instant as Beijing calendar and clock', () => {
    expect(beijingParts('2026-11-25T07:00:00Z')).toMatchObject({ year: 2026, month: 11, day: 25, hour: 15, minute: 0 });
    // 20:30 UTC on the 24th is already the 25th in Beijing.
    expect(beijingDate('2026-11-24T20:30:00Z')).toBe('2026-11-25');
    expect(beijingClock('2026-11-24T20:30:00Z')).toBe('04:30');
    expect(beijingClock('2026-11-25T15:00:00+08:00')).toBe('15:00');
    expect(beijingParts('not a time')).toBeNull();
  });

  it('does not depend on the process time zone', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(formatTimeRange('2026-11-25T07:00:00Z', '2026-11-25T08:30:00Z', NOW)).toBe('11月25日 周三 15:00–16:30');
    } finally {
      process.env.TZ = original;
    }
  });

  it('formats days, times and ranges the way a notice would', () => {
    expect(formatDay('2026-11-25T07:00:00Z', NOW)).toBe('11月25日 周三');
    expect(formatDay('2027-01-04T07:00:00Z', NOW)).toBe('2027年1月4日 周一');
    expect(formatDateTime('2026-11-25T07:05:00Z', NOW)).toBe('11月25日 15:05');
    expect(formatTimeRange('2026-11-25T07:00:00Z', '2026-11-25T08:30:00Z', NOW)).toBe('11月25日 周三 15:00–16:30');
    // Past midnight in Beijing: both days are named.
    expect(formatTimeRange('2026-11-25T12:00:00Z', '2026-11-25T17:00:00Z', NOW)).toBe(
      '11月25日 周三 20:00 至 11月26日 01:00',
    );
  });

  it('builds the ISO instant with +08:00 from picker values', () => {
    expect(toBeijingIso('2026-11-25', '15:00')).toBe('2026-11-25T15:00:00+08:00');
    expect(Date.parse(toBeijingIso('2026-11-25', '07:30')!)).toBe(Date.parse('2026-11-24T23:30:00Z'));
    expect(toBeijingIso('2026-02-30', '15:00')).toBeNull();
    expect(toBeijingIso('2026-11-25', '24:00')).toBeNull();
    expect(toBeijingIso('2026/11/25', '15:00')).toBeNull();
    expect(toBeijingIso('2026-11-25', '')).toBeNull();
  });

  it('round-trips: picker values of an instant build that instant again', () => {
    for (const iso of ['2026-11-25T07:00:00Z', '2026-12-31T16:45:00Z', '2027-01-01T00:15:00Z']) {
      expect(Date.parse(toBeijingIso(beijingDate(iso), beijingClock(iso))!)).toBe(Date.parse(iso));
    }
  });

  it('finds the next half hour and the minutes between two times', () => {
    expect(nextHalfHour(Date.parse('2026-11-25T07:07:00Z'))).toBe(Date.parse('2026-11-25T07:30:00Z'));
    expect(nextHalfHour(Date.parse('2026-11-25T07:30:00Z'))).toBe(Date.parse('2026-11-25T08:00:00Z'));
    expect(minutesBetween('15:00', '16:30')).toBe(90);
    expect(minutesBetween('15:00', '14:00')).toBe(-60);
    expect(minutesBetween('', '14:00')).toBeNull();
  });
});
