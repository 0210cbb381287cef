import { ACTIVITY_TYPES, type BranchDoc, type BranchMetrics, type TrendPoint } from '@zhibu/types';
import type { Totals } from './counters';
import {
  attendanceRate,
  noticeReadRate,
  quizParticipationRate,
  quizPassRate,
  rate,
  studyCompletionRate,
} from './rules';

/** A branch's figures from its totals, with the rates computed by the counting rules. */
export function toMetrics(
  branch: Pick<BranchDoc, '_id' | 'name'>,
  t: Totals,
  light: Pick<BranchMetrics, 'light' | 'reasons'>,
): BranchMetrics {
  const held: Record<string, number> = {};
  for (const type of ACTIVITY_TYPES) held[type] = t.held[type] ?? 0;
  return {
    branchId: branch._id,
    branchName: branch.name,
    held,
    // Meetings, not items: a meeting that also counts as another item is one meeting here.
    heldTotal: t.meetings,
    expected: t.expected,
    present: t.present,
    leave: t.leave,
    attendanceRate: attendanceRate(t),
    studyExpected: t.studyExpected,
    studyDone: t.studyDone,
    studyLate: t.studyLate,
    studyCompletionRate: studyCompletionRate({ expected: t.studyExpected, done: t.studyDone, late: t.studyLate }),
    quizExpected: t.quizExpected,
    quizTaken: t.quizTaken,
    quizPassed: t.quizPassed,
    quizParticipationRate: quizParticipationRate({ expected: t.quizExpected, taken: t.quizTaken }),
    quizPassRate: quizPassRate({ expected: t.quizExpected, passed: t.quizPassed }),
    noticeExpected: t.noticeExpected,
    noticeRead: t.noticeRead,
    noticeReadRate: noticeReadRate({ expected: t.noticeExpected, read: t.noticeRead }),
    ...light,
  };
}

export function toTrend(months: string[], byMonth: Map<string, Totals>): TrendPoint[] {
  return months.map((month) => {
    const t = byMonth.get(month);
    return {
      month,
      heldTotal: t ? t.meetings : 0,
      attendanceRate: t ? attendanceRate(t) : null,
      studyCompletionRate: t
        ? studyCompletionRate({ expected: t.studyExpected, done: t.studyDone, late: t.studyLate })
        : null,
      quizPassRate: t ? quizPassRate({ expected: t.quizExpected, passed: t.quizPassed }) : null,
      noticeReadRate: t ? rate(t.noticeRead, t.noticeExpected) : null,
    };
  });
}
