import {
  DEFAULT_RULES,
  attendanceRate,
  beijingMonthOf,
  complianceItems,
  countHeld,
  countedTypes,
  isHeld,
  lightOf,
  parsePeriod,
  periodAt,
  periodOrThrow,
  stillNeeded,
  studyCompletionRate,
  subPeriods,
  type MonthActivity,
} from '../../cloudfunctions/core/stats/rules';

const at = (iso: string) => new Date(iso);

describe('periods in Beijing time', () => {
  it('an activity ending 23:50 on 31 March Beijing time belongs to March, Q1 and H1', () => {
    const end = at('2026-03-31T23:50:00+08:00'); // 15:50 UTC on 31 March
    expect(beijingMonthOf(end)).toBe('2026-03');
    expect(periodAt(end, 'quarter').key).toBe('2026-Q1');
    expect(periodAt(end, 'half').key).toBe('2026-H1');
    expect(periodAt(end, 'year').key).toBe('2026');
  });

  it('00:10 on 1 April Beijing time (still 31 March in UTC) belongs to Q2', () => {
    const start = at('2026-04-01T00:10:00+08:00');
    expect(start.getUTCDate()).toBe(31);
    expect(periodAt(start, 'quarter').key).toBe('2026-Q2');
    expect(periodAt(start, 'half').key).toBe('2026-H1');
  });

  it('a period ends at 24:00 Beijing time on its last day', () => {
    const q1 = periodOrThrow('2026-Q1');
    expect(q1.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(q1.end.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(q1.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodOrThrow('2026-H2').months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(periodOrThrow('2026').months).toHaveLength(12);
    expect(periodOrThrow('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('reads every written form and refuses anything else', () => {
    expect(parsePeriod('2026-02')?.kind).toBe('month');
    expect(parsePeriod('2026-Q4')?.kind).toBe('quarter');
    expect(parsePeriod('2026-H1')?.kind).toBe('half');
    expect(parsePeriod('2026')?.kind).toBe('year');
    for (const bad of ['2026-13', '2026-Q5', '2026-H3', '26-01', '2026-1', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('splits a year into its quarters and a half into its months', () => {
    expect(subPeriods(periodOrThrow('2026'), 'quarter').map((p) => p.key)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(subPeriods(periodOrThrow('2026-H2'), 'month')).toHaveLength(6);
  });
});

describe('held, leave and rates', () => {
  it('an activity is held once it ended and was not cancelled', () => {
    const endAt = at('2026-03-31T23:50:00+08:00');
    expect(isHeld({ status: 'scheduled', endAt }, at('2026-03-31T23:49:00+08:00'))).toBe(false);
    expect(isHeld({ status: 'scheduled', endAt }, at('2026-03-31T23:50:00+08:00'))).toBe(true);
    expect(isHeld({ status: 'cancelled', endAt }, at('2026-04-02T00:00:00+08:00'))).toBe(false);
  });

  it('a member on leave stays in 应到 and out of 实到: leave is never dropped from the rate', () => {
    // 10 expected, 7 present, 2 on leave: 70 %, not 7 / 8.
    expect(attendanceRate({ expected: 10, present: 7 })).toBe(0.7);
    expect(attendanceRate({ expected: 0, present: 0 })).toBeNull();
  });

  it('study completion counts completions by the due date; late ones are apart', () => {
    expect(studyCompletionRate({ expected: 10, done: 8, late: 3 })).toBe(0.5);
  });
});

describe('the compliance calendar and its light', () => {
  const month = (held: MonthActivity['held'], evidenced = held): MonthActivity => ({ held, evidenced });
  const everything = (): Map<string, MonthActivity> => {
    const months = new Map<string, MonthActivity>();
    for (let m = 1; m <= 12; m++) {
      const key = `2026-${String(m).padStart(2, '0')}`;
      months.set(
        key,
        month({
          committee: 1,
          theme_day: 1,
          group: 1,
          ...(m % 3 === 0 ? { party_congress: 1, lecture: 1 } : {}),
          ...(m === 12 ? { life_meeting: 1, review: 1 } : {}),
        }),
      );
    }
    return months;
  };
  const yearEnd = at('2027-01-01T08:00:00+08:00');

  it('a branch that held everything is green', () => {
    const items = complianceItems({
      period: periodOrThrow('2026'),
      rules: DEFAULT_RULES,
      hasPartyGroups: true,
      months: everything(),
      now: yearEnd,
    });
    expect(items.every((i) => i.status === 'done')).toBe(true);
    expect(items.filter((i) => i.item === 'committee')).toHaveLength(12);
    expect(lightOf(items, yearEnd).light).toBe('green');
  });

  it('a missed quarterly 支部党员大会 is red and says which rule', () => {
    const months = everything();
    months.set('2026-03', month({ committee: 1, theme_day: 1, group: 1, lecture: 1 }));
    const now = at('2026-04-02T10:00:00+08:00');
    const items = complianceItems({
      period: periodOrThrow('2026'),
      rules: DEFAULT_RULES,
      hasPartyGroups: true,
      months,
      now,
    });
    const { light, reasons } = lightOf(items, now);
    expect(light).toBe('red');
    expect(reasons).toContain('红：2026年第1季度未召开支部党员大会（应每季度至少 1 次）');
  });

  it('within the quarter the same gap is only due; in its last week it turns yellow', () => {
    const months = new Map([['2026-03', month({ committee: 1, theme_day: 1 })]]);
    const rules = DEFAULT_RULES.filter((r) => r.type === 'party_congress');
    const early = at('2026-03-01T10:00:00+08:00');
    const items = complianceItems({
      period: periodOrThrow('2026-Q1'),
      rules,
      hasPartyGroups: false,
      months,
      now: early,
    });
    expect(items).toEqual([expect.objectContaining({ status: 'due', daysLeft: 31 })]);
    expect(lightOf(items, early).light).toBe('green');
    const late = at('2026-03-30T10:00:00+08:00');
    const lateItems = complianceItems({
      period: periodOrThrow('2026-Q1'),
      rules,
      hasPartyGroups: false,
      months,
      now: late,
    });
    expect(lightOf(lateItems, late)).toEqual({
      light: 'yellow',
      reasons: ['黄：本季度支部党员大会尚未召开，还剩 2 天（应每季度至少 1 次）'],
    });
  });

  it('a meeting held without minutes counts as held and makes the light yellow', () => {
    const months = new Map([['2026-05', month({ committee: 1 }, {})]]);
    const rules = DEFAULT_RULES.filter((r) => r.type === 'committee');
    const now = at('2026-06-01T09:00:00+08:00');
    const items = complianceItems({ period: periodOrThrow('2026-05'), rules, hasPartyGroups: false, months, now });
    expect(items[0]).toMatchObject({ status: 'done', missingMinutes: 1 });
    expect(lightOf(items, now)).toEqual({
      light: 'yellow',
      reasons: ['黄：2026年5月支委会已开展·缺记录 1 次（请补会议记录和签到）'],
    });
  });

  it('the party-group rule applies only to branches with party groups; sub-periods to come are not listed', () => {
    const now = at('2026-02-10T09:00:00+08:00');
    const items = complianceItems({
      period: periodOrThrow('2026'),
      rules: DEFAULT_RULES,
      hasPartyGroups: false,
      months: new Map(),
      now,
    });
    expect(items.some((i) => i.item === 'group')).toBe(false);
    expect(items.filter((i) => i.item === 'committee').map((i) => i.period)).toEqual(['2026-01', '2026-02']);
  });

  it('本月待办 lists what the running periods still need, soonest first', () => {
    const now = at('2026-02-25T09:00:00+08:00');
    const months = new Map([['2026-02', month({ theme_day: 1 })]]);
    const items = complianceItems({
      period: periodOrThrow('2026'),
      rules: DEFAULT_RULES,
      hasPartyGroups: false,
      months,
      now,
    });
    const todo = stillNeeded(items, DEFAULT_RULES);
    expect(todo[0]).toEqual({ type: 'committee', name: '支委会', count: 1, daysLeft: 4 });
    expect(todo.map((t) => t.type)).toEqual(['committee', 'party_congress', 'lecture', 'life_meeting', 'review']);
  });
});

describe('one meeting that counts for more than one item', () => {
  it('a 主题党日 that is also the 党课 completes both items; attendance is counted once', () => {
    const march: MonthActivity = { held: {}, evidenced: {}, evidence: {} };
    const meeting = { type: 'theme_day' as const, alsoCountsAs: ['lecture' as const], expected: 20, present: 18 };
    countHeld(march, meeting, true, '2026-03-24');
    expect(countedTypes(meeting)).toEqual(['theme_day', 'lecture']);
    expect(march.held).toEqual({ theme_day: 1, lecture: 1 });
    expect(march.evidenced).toEqual({ theme_day: 1, lecture: 1 });
    expect(march.evidence).toEqual({ theme_day: ['2026-03-24'], lecture: ['2026-03-24'] });

    const now = at('2026-04-01T09:00:00+08:00');
    const rules = DEFAULT_RULES.filter((r) => r.type === 'theme_day' || r.type === 'lecture');
    const items = complianceItems({
      period: periodOrThrow('2026-03'),
      rules: rules.map((r) => ({ ...r, every: 'month' as const })),
      hasPartyGroups: false,
      months: new Map([['2026-03', march]]),
      now,
    });
    expect(items.map((i) => [i.item, i.status, i.evidence])).toEqual([
      ['lecture', 'done', ['2026-03-24']],
      ['theme_day', 'done', ['2026-03-24']],
    ]);
    // The one meeting's attendance is its own, whatever it counts for: 18 of 20, not 36 of 40.
    expect(attendanceRate(meeting)).toBe(0.9);
  });

  it('its own type listed again, or twice, counts once; without minutes it is held but not evidenced', () => {
    const m: MonthActivity = { held: {}, evidenced: {} };
    countHeld(m, { type: 'party_congress', alsoCountsAs: ['party_congress', 'life_meeting', 'life_meeting'] }, false);
    expect(m.held).toEqual({ party_congress: 1, life_meeting: 1 });
    expect(m.evidenced).toEqual({});
    expect(countedTypes({ type: 'committee' })).toEqual(['committee']);
  });
});
