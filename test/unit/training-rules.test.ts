import type { StoredTerm } from '@zhibu/types';
import { beijingDate } from '../../cloudfunctions/core/runtime/time';
import {
  countInTerm,
  dayBefore,
  inTerm,
  trainedEntry,
  trainingItem,
  trainingReason,
} from '../../cloudfunctions/core/training/rules';
import { withTrainingLight } from '../../cloudfunctions/core/training/compliance';

const term = (startDate: string, endDate: string | null, required = 2): StoredTerm => ({
  termId: startDate.replace(/-/g, ''),
  secretaryId: 'm1',
  secretaryName: '张书记',
  startDate,
  endDate,
  required,
  recordedBy: 'admin',
  recordedAt: new Date(0),
});

describe('the training count of a term, in Beijing dates', () => {
  it('counts a training on the first and the last day of a term, not the day before or after', () => {
    const t = term('2024-03-01', '2027-02-28');
    expect(inTerm('2024-03-01', t)).toBe(true);
    expect(inTerm('2027-02-28', t)).toBe(true);
    expect(inTerm('2024-02-29', t)).toBe(false);
    expect(inTerm('2027-03-01', t)).toBe(false);
    expect(inTerm('2099-01-01', term('2024-03-01', null))).toBe(true);
  });

  it('a training starting at 00:30 Beijing time on the term’s first day counts (it is still the day before in UTC)', () => {
    const startsAt = new Date('2024-02-29T16:30:00Z'); // 2024-03-01 00:30 in Beijing
    expect(beijingDate(startsAt)).toBe('2024-03-01');
    expect(countInTerm([trainedEntry(beijingDate(startsAt), 't1')], term('2024-03-01', null))).toBe(1);
    // And one at 23:30 Beijing time on the day before does not.
    const before = new Date('2024-02-29T15:30:00Z');
    expect(countInTerm([trainedEntry(beijingDate(before), 't2')], term('2024-03-01', null))).toBe(0);
  });

  it('counts each training once, and only those within the term', () => {
    const entries = [
      trainedEntry('2024-05-01', 't1'),
      trainedEntry('2024-05-01', 't1'),
      trainedEntry('2023-12-31', 't0'),
      trainedEntry('2025-01-10', 't2'),
    ];
    expect(countInTerm(entries, term('2024-01-01', '2024-12-31'))).toBe(1);
    expect(countInTerm(entries, term('2024-01-01', null))).toBe(2);
  });

  it('a new term ends the previous one the day before, across months, years and 29 February', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });

  it('is 进行中 with how many are needed, 已完成 at the rule, 已逾期 when the term ended short', () => {
    expect(trainingItem(term('2024-01-01', null), 1)).toMatchObject({ status: 'due', needed: 1 });
    expect(trainingItem(term('2024-01-01', null), 2)).toMatchObject({ status: 'done', needed: 0 });
    expect(trainingItem(term('2024-01-01', '2024-12-31'), 3)).toMatchObject({ status: 'done', needed: 0 });
    const short = trainingItem(term('2024-01-01', '2024-12-31'), 1);
    expect(short).toMatchObject({ status: 'overdue', needed: 1, rule: '支部书记每届任期至少参加培训 2 次' });
    expect(trainingItem(term('2024-01-01', null, 3), 2)).toMatchObject({ status: 'due', needed: 1 });
  });

  it('turns a light red only for a term that ended short, naming the rule', () => {
    const overdue = trainingItem(term('2024-01-01', '2024-12-31'), 0);
    expect(trainingReason(overdue)?.reason).toContain('未参加培训（支部书记每届任期至少参加培训 2 次）');
    expect(trainingReason(trainingItem(term('2024-01-01', null), 0))).toBeNull();
    const green = { light: 'green' as const, reasons: ['绿：各项组织生活按要求开展'] };
    expect(withTrainingLight(green, overdue)).toMatchObject({ light: 'red' });
    expect(withTrainingLight(green, overdue).reasons).toHaveLength(1);
    expect(withTrainingLight(green, trainingItem(term('2024-01-01', null), 0))).toEqual(green);
    const yellow = { light: 'yellow' as const, reasons: ['黄：…'] };
    expect(withTrainingLight(yellow, overdue).reasons).toEqual([trainingReason(overdue)!.reason, '黄：…']);
  });
});
