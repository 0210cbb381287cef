import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type ActivityCounters,
  type ActivityDoc,
  type ActivityType,
  type BindingDoc,
  type BranchDoc,
  type BranchMonthDoc,
  type BranchYearDoc,
  type MonthTotals,
  type CheckinDoc,
  type LeaveDoc,
  type MemberDoc,
  type NoticeBranchDoc,
  type NoticeDoc,
  type NoticeReceiptDoc,
  type QuizDoc,
  type QuizSeatDoc,
  type QuizStatsDoc,
  type Result,
  type StudyCompletionDoc,
  type StudyTaskDoc,
} from '@zhibu/types';
import { recountMonths } from '../../cloudfunctions/core/activity/recount';
import { runHourly } from '../../cloudfunctions/core/jobs/hourly';
import { recountNotices } from '../../cloudfunctions/core/notice/recount';
import { readCounters } from '../../cloudfunctions/core/stats/counters';
import { syncYears } from '../../cloudfunctions/core/stats/rollup-sync';
import { buildBureauRollups } from '../../cloudfunctions/core/stats/bureau-rollup';
import { recountStudy } from '../../cloudfunctions/core/study/recount';
import { issueToken } from '../../cloudfunctions/core/activity/checkin-token';
import { startRuntime, type LocalRuntime } from '../../emulator/runtime';
import { seedDemoData } from '../../emulator/seed/seed';
import { seededRandom, timedRuns, timedTurns } from './client';

/**
 * Statistics rows of `npm run bench`, on an in-process runtime: 200 branches of 40 members (8,000)
 * and two years of records — activities with check-ins and leave, study tasks with completions,
 * bureau quizzes with their seats, bureau notices with receipts — written through the SDK in
 * batches. The counters are built from the same generated records (as the writes would have moved
 * them), and the real recounts then check them against the records of the last two months.
 */
export interface StatsBenchRow {
  what: string;
  budget: string;
  measured: string;
  pass: boolean | null;
}

const BRANCHES = 200;
const PER_BRANCH = 40;
const MONTHS = 24;
/** Months before those, written after the dashboard rows: so that a two-year span ending six months ago has records at both ends. */
const OLDER = 6;
const ADMIN = 'demo_b-jgzb-02';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BATCH = 1000;
/**
 * Runs per timed row. The seeded county stays in this process's memory, so a garbage collection
 * of it now and then lands on a run: of 30 runs the p95 is the second slowest, which one such
 * pause decides, and a p50 moves with a few. 100 runs measure the same budgets more steadily.
 */
const RUNS = 100;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const beijingMonth = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 7);
/** 15:00 Beijing time on a day of a month (YYYY-MM). */
const at = (month: string, day: number, hour = 15) => new Date(`${month}-${pad(day)}T${pad(hour)}:00:00+08:00`);

/** The 24 Beijing months ending with this one, oldest first. */
function lastMonths(now: Date, count: number): string[] {
  const [y, m] = beijingMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
  });
}

/** The month's place in a count of months since year 0: what the records' cadence follows. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

class Batches {
  private pending = new Map<string, object[]>();
  written = 0;
  /** Held batches are written only when flushed. */
  constructor(private readonly hold = false) {}
  async add(collection: string, doc: object): Promise<void> {
    const list = this.pending.get(collection) ?? [];
    list.push(doc);
    this.pending.set(collection, list);
    if (!this.hold && list.length >= BATCH) await this.flush(collection);
  }
  async flush(collection?: string): Promise<void> {
    for (const name of collection ? [collection] : [...this.pending.keys()]) {
      const list = this.pending.get(name) ?? [];
      if (list.length === 0) continue;
      this.pending.set(name, []);
      await cloud.database().collection(name).add({ data: list });
      this.written += list.length;
    }
  }
}

const emptyMonth = (branchId: string, month: string): BranchMonthDoc => ({
  _id: `${branchId}_${month}`,
  branchId,
  month,
  activities: {},
  held: {},
  minuted: {},
  expected: 0,
  present: 0,
  leave: 0,
});

/** The numeric totals of a branch-month (its entries left out), as the counter writes move them. */
function monthTotals(doc: BranchMonthDoc): MonthTotals {
  const { _id, branchId, month, activities, notices, quizzes, study, byMonth, ...totals } = doc;
  void [_id, branchId, month, activities, notices, quizzes, byMonth];
  const out: MonthTotals = structuredClone(totals);
  if (study) out.study = { expected: study.expected, done: study.done, late: study.late };
  return out;
}

/** Adds the numbers of `from` into `into`, path by path. */
function addNumbers(into: Record<string, unknown>, from: object): void {
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'number') into[key] = ((into[key] as number | undefined) ?? 0) + value;
    else if (value && typeof value === 'object') {
      into[key] ??= {};
      addNumbers(into[key] as Record<string, unknown>, value as object);
    }
  }
}

/**
 * The year documents the counter writes would have left beside the months (core/stats/rollup.ts):
 * the same entries, the year's totals and each month's totals under byMonth; each month also holds
 * its own totals there.
 */
function rollUp(months: Iterable<BranchMonthDoc>): BranchYearDoc[] {
  const years = new Map<string, BranchYearDoc>();
  for (const doc of months) {
    const year = doc.month.slice(0, 4);
    const id = `${doc.branchId}_${year}`;
    const y: BranchYearDoc = years.get(id) ?? {
      _id: id,
      branchId: doc.branchId,
      year,
      activities: {},
      held: {},
      expected: 0,
      present: 0,
      leave: 0,
      byMonth: {},
    };
    years.set(id, y);
    const totals = monthTotals(doc);
    doc.byMonth = { [doc.month]: structuredClone(totals) };
    y.byMonth![doc.month] = structuredClone(totals);
    // A write per entry and per check-in, as the counter writes would have counted them.
    const writes = Object.keys(doc.activities).length + doc.present + (totals.study?.done ?? 0);
    doc.revs = { [doc.month]: writes };
    y.revs = { ...y.revs, [doc.month]: writes };
    Object.assign(y.activities, doc.activities);
    if (doc.notices) y.notices = { ...y.notices, ...doc.notices };
    if (doc.quizzes) y.quizzes = { ...y.quizzes, ...doc.quizzes };
    if (doc.study) {
      y.study ??= { tasks: {}, expected: 0, done: 0, late: 0 };
      Object.assign(y.study.tasks, doc.study.tasks);
    }
    addNumbers(y as unknown as Record<string, unknown>, totals);
  }
  return [...years.values()];
}

/**
 * Seeds the county: two years of records up to this month, written now; and the records of the six
 * months before, written when `older` is called. Answers the records written and the months covered.
 */
async function seed(now: Date): Promise<{
  records: number;
  months: string[];
  older: () => Promise<{ records: number; months: string[] }>;
}> {
  const random = seededRandom(20261203);
  const all = lastMonths(now, OLDER + MONTHS);
  const months = all.slice(OLDER);
  const olderMonths = new Set(all.slice(0, OLDER));
  const batches = new Batches();
  const later = new Batches(true);
  const into = (month: string) => (olderMonths.has(month) ? later : batches);
  const counters = new Map<string, BranchMonthDoc>();
  const monthDoc = (branchId: string, month: string) => {
    const id = `${branchId}_${month}`;
    const doc = counters.get(id) ?? emptyMonth(branchId, month);
    counters.set(id, doc);
    return doc;
  };
  const created = new Date(now.getTime() - 800 * DAY);
  const branchIds: string[] = [];
  const people = new Map<string, MemberDoc[]>();
  for (let b = 0; b < BRANCHES; b++) {
    const branchId = `bench-st-${pad(b, 3)}`;
    branchIds.push(branchId);
    const branch: BranchDoc = {
      _id: branchId,
      name: `统计压测学校${b}党支部`,
      kind: 'school',
      schools: [`统计压测学校${b}`],
      partyGroups: [],
      active: true,
      createdAt: created,
    };
    await batches.add(COLLECTIONS.branches, branch);
    const members: MemberDoc[] = Array.from({ length: PER_BRANCH }, (_, i) => ({
      _id: `${branchId}-m${pad(i)}`,
      branchId,
      name: `党员${b}-${i}`,
      gender: null,
      phone: null,
      status: '正式党员',
      joinedPartyAt: null,
      partyGroupId: null,
      position: null,
      roles: i === 0 ? ['member', 'secretary', 'committee'] : i < 3 ? ['member', 'committee'] : ['member'],
      active: true,
      openid: `wx_${branchId}_${i}`,
      boundAt: created,
      leftAt: null,
      leftReason: null,
      branchHistory: [{ branchId, from: created }],
      createdAt: new Date(created.getTime() + i),
    }));
    people.set(branchId, members);
    for (const m of members) {
      await batches.add(COLLECTIONS.members, m);
      const binding: BindingDoc = { _id: m.openid!, memberId: m._id, createdAt: created };
      await batches.add(COLLECTIONS.bindings, binding);
    }
  }

  // Activities: a 支委会 and a 主题党日 every month, a 支部党员大会 every quarter, with check-ins,
  // approved leave, and minutes for most.
  let seq = 0;
  for (const branchId of branchIds) {
    const members = people.get(branchId)!;
    const secretary = members[0]!;
    for (const month of all) {
      const mi = monthIndex(month);
      const plan: [ActivityType, number][] = [
        ['committee', 1],
        ['theme_day', 2],
      ];
      if (mi % 3 === 0) plan.push(['party_congress', 3]);
      for (const [type, day] of plan) {
        const startAt = at(month, day);
        if (startAt.getTime() + HOUR > now.getTime() - 3 * HOUR) continue; // nothing open here
        const expected = (type === 'committee' ? members.slice(0, 3) : members).map((m) => m._id);
        const id = `abs${pad(++seq, 6)}`;
        const leaveIds = type === 'committee' ? [] : expected.filter(() => random() < 0.05);
        const presentIds = expected.filter((m) => !leaveIds.includes(m) && random() < 0.8);
        const minuted = random() < 0.95;
        const activity: ActivityDoc = {
          _id: id,
          branchId,
          title: type === 'committee' ? '支委会' : type === 'theme_day' ? '主题党日' : '支部党员大会',
          type,
          startAt,
          endAt: new Date(startAt.getTime() + HOUR),
          place: '会议室',
          agenda: '',
          audience: { kind: type === 'committee' ? 'committee' : 'branch' },
          expectedIds: expected,
          leaveIds,
          status: 'scheduled',
          cancelReason: null,
          month,
          pushId: null,
          createdBy: secretary._id,
          createdByName: secretary.name,
          createdAt: new Date(startAt.getTime() - 3 * DAY),
          minutes: minuted
            ? {
                text: '会议记录',
                photos: [],
                savedAt: new Date(startAt.getTime() + 2 * HOUR),
                savedBy: secretary._id,
                savedByName: secretary.name,
              }
            : null,
          reminderSentAt: null,
        };
        await into(month).add(COLLECTIONS.activities, activity);
        for (const memberId of presentIds) {
          const checkin: CheckinDoc = {
            _id: `${id}_${memberId}`,
            activityId: id,
            memberId,
            branchId,
            state: 'present',
            source: 'scan',
            at: new Date(startAt.getTime() + 5 * 60_000),
            by: null,
          };
          await into(month).add(COLLECTIONS.checkins, checkin);
        }
        for (const memberId of leaveIds) {
          const leave: LeaveDoc = {
            _id: `${id}_${memberId}`,
            activityId: id,
            memberId,
            branchId,
            reason: '外出培训',
            status: 'approved',
            requestedAt: new Date(startAt.getTime() - DAY),
            reviewedBy: secretary._id,
            reviewedAt: new Date(startAt.getTime() - DAY),
            comment: null,
          };
          await into(month).add(COLLECTIONS.leaves, leave);
        }
        const doc = monthDoc(branchId, month);
        const entry: ActivityCounters = {
          type,
          expected: expected.length,
          present: presentIds.length,
          leave: leaveIds.length,
          ...(minuted ? { minutes: true } : {}),
        };
        doc.activities[id] = entry;
        doc.held[type] = (doc.held[type] ?? 0) + 1;
        if (minuted) doc.minuted![type] = (doc.minuted![type] ?? 0) + 1;
        doc.expected += entry.expected;
        doc.present += entry.present;
        doc.leave += entry.leave;
      }
    }
  }

  // Study: one task a branch every quarter, due on the 20th; most done, a few late.
  for (const branchId of branchIds) {
    const members = people.get(branchId)!;
    for (const month of all) {
      const mi = monthIndex(month);
      if (mi % 3 !== 1) continue;
      const dueAt = at(month, 20, 18);
      if (dueAt.getTime() > now.getTime()) continue;
      const id = `tbs${pad(++seq, 6)}`;
      const done: StudyCompletionDoc[] = [];
      for (const m of members) {
        if (random() > 0.75) continue;
        const late = random() < 0.1;
        const completedAt = new Date(dueAt.getTime() + (late ? 1 : -2) * DAY);
        done.push({
          _id: `${id}_${m._id}`,
          taskId: id,
          memberId: m._id,
          memberName: m.name,
          branchId,
          taskTitle: '学习党章',
          completedAt,
          updatedAt: completedAt,
          late,
          reflection: null,
          comment: null,
          excellent: false,
          sharedAt: null,
        });
      }
      const task: StudyTaskDoc = {
        _id: id,
        branchId,
        title: '学习党章',
        material: { text: '学习党章总纲。', attachments: [], links: [] },
        startAt: new Date(dueAt.getTime() - 10 * DAY),
        dueAt,
        month,
        audience: { kind: 'branch' },
        expectedIds: members.map((m) => m._id),
        audienceFixedAt: new Date(dueAt.getTime() - 10 * DAY),
        doneIds: done.map((c) => c.memberId),
        lateIds: done.filter((c) => c.late).map((c) => c.memberId),
        reflectionMin: null,
        pushId: null,
        createdBy: members[0]!._id,
        createdByName: members[0]!.name,
        createdAt: new Date(dueAt.getTime() - 11 * DAY),
      };
      await into(month).add(COLLECTIONS.studyTasks, task);
      for (const c of done) await into(month).add(COLLECTIONS.studyCompletions, c);
      const doc = monthDoc(branchId, month);
      const entry = { expected: members.length, done: done.length, late: done.filter((c) => c.late).length };
      doc.study ??= { tasks: {}, expected: 0, done: 0, late: 0 };
      doc.study.tasks[id] = entry;
      doc.study.expected += entry.expected;
      doc.study.done += entry.done;
      doc.study.late += entry.late;
    }
  }

  // Quizzes: a bureau quiz every half-year, with every member's seat; most sit it, most pass.
  for (const month of all) {
    const mi = monthIndex(month);
    if (mi % 6 !== 2) continue;
    const openAt = at(month, 10, 9);
    const closeAt = new Date(openAt.getTime() + 5 * DAY);
    if (closeAt.getTime() > now.getTime()) continue;
    const quizId = `qzbench${pad(mi)}`;
    const stats: QuizStatsDoc = { _id: quizId, attempts: 0, branches: {}, items: {} };
    for (const branchId of branchIds) {
      const doc = monthDoc(branchId, month);
      const entry = { expected: PER_BRANCH, taken: 0, passed: 0 };
      for (const m of people.get(branchId)!) {
        const taken = random() < 0.85;
        const score = taken ? Math.round(40 + random() * 60) : null;
        const passed = score !== null && score >= 60;
        entry.taken += taken ? 1 : 0;
        entry.passed += passed ? 1 : 0;
        const seat: QuizSeatDoc = {
          _id: `${quizId}_${m._id}`,
          quizId,
          memberId: m._id,
          memberName: m.name,
          branchId,
          title: '党章党规测试',
          openAt,
          closeAt,
          timeLimitMinutes: 20,
          questionCount: 10,
          passScore: 60,
          maxAttempts: 1,
          attempts: taken ? 1 : 0,
          submitted: taken ? 1 : 0,
          open: null,
          lastAttemptId: null,
          best: score,
          last: score,
          counted: score,
          passed,
        };
        await into(month).add(COLLECTIONS.quizSeats, seat);
        const b = (stats.branches[branchId] ??= { expected: PER_BRANCH, taken: 0, passed: 0, scoreSum: 0, hist: {} });
        if (score !== null) {
          b.taken += 1;
          b.passed += passed ? 1 : 0;
          b.scoreSum += score;
          const bin = String(Math.min(9, Math.floor(score / 10)));
          b.hist[bin] = (b.hist[bin] ?? 0) + 1;
          stats.attempts += 1;
        }
      }
      doc.quizzes = { ...doc.quizzes, [quizId]: entry };
      doc.quizExpected = (doc.quizExpected ?? 0) + entry.expected;
      doc.quizTaken = (doc.quizTaken ?? 0) + entry.taken;
      doc.quizPassed = (doc.quizPassed ?? 0) + entry.passed;
    }
    const quiz: QuizDoc = {
      _id: quizId,
      title: '党章党规测试',
      scope: 'bureau',
      branchId: null,
      branchIds,
      audience: null,
      openAt,
      closeAt,
      draw: { count: 10, bankIds: [] } as unknown as QuizDoc['draw'],
      points: { single: 1, multiple: 1, judge: 1 },
      passScore: 60,
      timeLimitMinutes: 20,
      maxAttempts: 1,
      countRule: 'best',
      multipleRule: 'all',
      showExplanations: true,
      status: 'published',
      month,
      expected: BRANCHES * PER_BRANCH,
      createdBy: 'b-jgzb-02',
      createdByName: '局党委',
      createdAt: new Date(openAt.getTime() - DAY),
    };
    await into(month).add(COLLECTIONS.quizzes, quiz);
    await into(month).add(COLLECTIONS.quizStats, stats);
  }

  // Notices: a bureau notice to every branch each quarter, read by most.
  for (const month of all) {
    const mi = monthIndex(month);
    if (mi % 3 !== 2) continue;
    const publishedAt = at(month, 5, 10);
    if (publishedAt.getTime() > now.getTime()) continue;
    const noticeId = `nbench${pad(mi)}`;
    const notice: NoticeDoc = {
      _id: noticeId,
      scope: 'bureau',
      branchId: null,
      branchIds,
      audience: null,
      title: '局党委通知',
      body: '请各支部认真学习。',
      category: 'notice',
      pinned: false,
      requireConfirm: false,
      confirmBy: null,
      attachments: [],
      status: 'published',
      withdrawReason: null,
      withdrawnAt: null,
      publishedAt,
      updatedAt: null,
      month,
      createdBy: 'b-jgzb-02',
      createdByName: '局党委',
      reminder: null,
    };
    await into(month).add(COLLECTIONS.notices, notice);
    for (const branchId of branchIds) {
      const members = people.get(branchId)!;
      const readers = members.filter(() => random() < 0.8);
      const delivery: NoticeBranchDoc = {
        _id: `${noticeId}_${branchId}`,
        noticeId,
        branchId,
        month,
        audienceIds: members.map((m) => m._id),
        audienceCount: members.length,
        readCount: readers.length,
        confirmedCount: 0,
        pinned: false,
        requireConfirm: false,
        status: 'published',
        publishedAt,
      };
      await into(month).add(COLLECTIONS.noticeBranches, delivery);
      for (const m of readers) {
        const receipt: NoticeReceiptDoc = {
          _id: `${noticeId}_${m._id}`,
          noticeId,
          memberId: m._id,
          branchId,
          memberName: m.name,
          readAt: new Date(publishedAt.getTime() + DAY),
          confirmedAt: null,
        };
        await into(month).add(COLLECTIONS.noticeReceipts, receipt);
      }
    }
  }
  const recent = [...counters.values()].filter((doc) => !olderMonths.has(doc.month));
  for (const doc of [...recent, ...rollUp(recent)]) await batches.add(COLLECTIONS.branchMonths, doc);
  await batches.flush();
  const older = async () => {
    const old = [...counters.values()].filter((doc) => olderMonths.has(doc.month));
    // Rolled up first: that gives each month its own `byMonth` too.
    const years = rollUp(counters.values());
    for (const doc of old) await later.add(COLLECTIONS.branchMonths, doc);
    await later.flush();
    // A year that already had months written gets its whole year document again.
    const touched = new Set(old.map((doc) => doc.month.slice(0, 4)));
    for (const { _id, ...data } of years.filter((y) => touched.has(y.year))) {
      await cloud.database().collection(COLLECTIONS.branchMonths).doc(_id).set({ data });
    }
    return { records: later.written, months: all };
  };
  return { records: batches.written, months, older };
}

export async function statsRows(): Promise<StatsBenchRow[]> {
  const runtime = await startRuntime({ dataDir: null });
  const rows: StatsBenchRow[] = [];
  const call = async <T>(openid: string, fn: string, action: string, data: unknown): Promise<T> => {
    const result = (await runtime.invoke(fn, { action, data }, { openid })) as Result<T>;
    if (!result.ok) throw new Error(`${fn}.${action}: ${result.code} ${result.message}`);
    return result.data;
  };
  const timed = (times: number, work: () => Promise<unknown>) => timedRuns(runtime, times, work);
  try {
    await seedDemoData(cloud.database());
    const now = new Date();
    const seeding = performance.now();
    const { records, months, older } = await seed(now);
    const seedSeconds = (performance.now() - seeding) / 1000;
    process.stdout.write(`seeded ${records} statistics records in ${seedSeconds.toFixed(1)} s… `);
    // The counters were built with the records; the real recounts check them on the last two months.
    const checking = performance.now();
    const recent = months.slice(-2);
    const [activityCheck, studyCheck, noticeCheck] = [
      await recountMonths(recent),
      await recountStudy(recent),
      await recountNotices(recent),
    ];
    const seedDrift = activityCheck.drift.length + studyCheck.drift.length + noticeCheck.drift.length;
    // As the hourly job (or jobs.recount with years) does: the years checked whole against their
    // months and marked, so that the statistics read them from the year documents.
    const seedYears = [...new Set(months.map((m) => m.slice(0, 4)))];
    const synced = await syncYears(seedYears);
    const trends = await buildBureauRollups(seedYears);
    rows.push({
      what: `stats seed: ${BRANCHES} branches, ${BRANCHES * PER_BRANCH} members, ${MONTHS} months, ${records} records`,
      budget: '< 120 s; drift 0; years whole',
      measured: `${seedSeconds.toFixed(1)} s; recount of ${recent.join(', ')}, year sync and bureau rollups in ${((performance.now() - checking) / 1000).toFixed(1)} s: drift ${seedDrift}, years repaired ${synced.repaired.length}, rolled up ${synced.rolledUp.join(', ')}, rollups built ${trends.join(', ')}`,
      pass:
        seedDrift === 0 &&
        synced.repaired.length === 0 &&
        synced.rolledUp.length === seedYears.length &&
        trends.length === seedYears.length,
    });

    process.stdout.write(`checked in ${((performance.now() - checking) / 1000).toFixed(1)} s… `);
    const year = months.at(-1)!.slice(0, 4);
    const dashboard = (period: string) => () => call(ADMIN, 'stats', 'dashboard', { period });
    const month = await timed(RUNS, dashboard(months.at(-1)!));
    const whole = await timed(RUNS, dashboard(year));
    rows.push({
      what: 'bureau dashboard: database operations (month / year)',
      budget: '≤ 10',
      measured: `${month.ops} / ${whole.ops}`,
      pass: month.ops <= 10 && whole.ops <= 10,
    });
    rows.push({
      what: `bureau dashboard: p95 (month ${months.at(-1)} / year ${year}), p50 beside`,
      budget: '≤ 100 ms',
      measured: `${month.p95.toFixed(1)} / ${whole.p95.toFixed(1)} ms (p50 ${month.p50.toFixed(1)} / ${whole.p50.toFixed(1)})`,
      pass: Math.max(month.p95, whole.p95) <= 100,
    });
    // Between two runs of the hourly job every check-in moves its branch's counts of writes of the
    // month, and that branch and month are read afresh: a counter write's worth of change to the
    // counts (the figures left as they are) makes that happen here — for one branch, then for all.
    const _ = cloud.database().command;
    const written = { [`revs.${months.at(-1)!}`]: _.inc(1), rev: _.inc(1) };
    const staleTrend = async () => {
      await cloud.database().collection(COLLECTIONS.branchMonths).doc(`bench-st-000_${year}`).update({ data: written });
    };
    await staleTrend();
    const wholeStale = await timed(RUNS, dashboard(year));
    rows.push({
      what: `bureau dashboard: year ${year}, one branch written to since the rollups were built (p95, ops), p50 beside`,
      budget: '≤ 100 ms; ≤ 10',
      measured: `${wholeStale.p95.toFixed(1)} ms, ${wholeStale.ops} ops (p50 ${wholeStale.p50.toFixed(1)})`,
      pass: wholeStale.p95 <= 100 && wholeStale.ops <= 10,
    });
    await cloud.database().collection(COLLECTIONS.branchMonths).where({ year }).update({ data: written });
    const monthAllStale = await timed(RUNS, dashboard(months.at(-1)!));
    const allStale = await timed(RUNS, dashboard(year));
    rows.push({
      what: `bureau dashboard: month ${months.at(-1)} / year ${year}, every branch written to since (p95, ops), p50 beside`,
      budget: '≤ 100 ms; ≤ 10',
      measured: `${monthAllStale.p95.toFixed(1)} / ${allStale.p95.toFixed(1)} ms, ${monthAllStale.ops} / ${allStale.ops} ops (p50 ${monthAllStale.p50.toFixed(1)} / ${allStale.p50.toFixed(1)})`,
      pass: Math.max(monthAllStale.p95, allStale.p95) <= 100 && Math.max(monthAllStale.ops, allStale.ops) <= 10,
    });
    // No period key spans two years: the counters reading behind the dashboard is timed directly
    // for 24 months against 2 months, both with the calendar the dashboard's light reads whatever the
    // span — the last month's year to date (lightScope in dashboard.service). Twice: ending this
    // month, and ending six months ago, so that the years at both ends are partial whatever the date
    // the benchmark runs. The six months before the two years are written first, and the years
    // rolled up and the bureau's rollups built, as the hourly job leaves them. The two are timed turn
    // about, so that a garbage collection of the seeded data falls on both alike.
    const more = await older();
    const allYears = [...new Set(more.months.map((m) => m.slice(0, 4)))];
    const moreSynced = await syncYears(allYears);
    await buildBureauRollups(allYears);
    process.stdout.write(`${more.records} older records… `);
    const lightMonths = (span: string[]) => {
      const last = span.at(-1)!;
      return more.months.filter((m) => m.slice(0, 4) === last.slice(0, 4) && m <= last);
    };
    // Last, ending this month again with a branch written to since the rollups were built, as it is
    // between two hourly runs once anyone has checked in.
    const ends = [
      { end: more.months.length, stale: false },
      { end: more.months.length - OLDER, stale: false },
      { end: more.months.length, stale: true },
    ];
    for (const { end, stale } of ends) {
      if (stale) await staleTrend();
      const span = (count: number) => more.months.slice(end - count, end);
      const read = (months: string[]) => () => readCounters({ months, complianceMonths: lightMonths(months) }, now);
      const [two, all] = await timedTurns(runtime, RUNS, [read(span(2)), read(span(24))]);
      rows.push({
        what: `dashboard counters: 24 vs 2 months to ${more.months[end - 1]}, the light's calendar${stale ? `, a branch written to since the rollups` : ''} (p50, ops)`,
        budget: '≤ 1.5×',
        measured: `${all.p50.toFixed(1)} / ${two.p50.toFixed(1)} ms = ${(all.p50 / two.p50).toFixed(2)}×, ${all.ops} / ${two.ops} ops; ${more.records} records more, years repaired ${moreSynced.repaired.length}`,
        pass: all.p50 <= 1.5 * two.p50 && moreSynced.repaired.length === 0,
      });
    }
    rows.push({
      what: `dashboard: year ${year} vs month ${months.at(-1)} (p50)`,
      budget: '≤ 1.5×',
      measured: `${(whole.p50 / month.p50).toFixed(2)}×`,
      pass: whole.p50 <= 1.5 * month.p50,
    });

    const exporting = performance.now();
    await call(ADMIN, 'stats', 'export', { period: year });
    rows.push({
      what: `stats export .xlsx of ${year} (${BRANCHES} branches)`,
      budget: 'report',
      measured: `${((performance.now() - exporting) / 1000).toFixed(2)} s`,
      pass: null,
    });

    process.stdout.write('dashboard and export measured… ');
    rows.push(await concurrentDrift(runtime, call, now));
    console.log('done');
  } finally {
    runtime.close();
  }
  return rows;
}

/**
 * Members of ten branches check in, complete study and read a notice while the hourly job runs;
 * then every counter they moved is compared with the records, and the recount is run once more.
 */
async function concurrentDrift(
  runtime: LocalRuntime,
  call: <T>(openid: string, fn: string, action: string, data: unknown) => Promise<T>,
  now: Date,
): Promise<StatsBenchRow> {
  const branches = Array.from({ length: 10 }, (_, b) => `bench-st-${pad(b * 20, 3)}`);
  const openid = (branchId: string, i: number) => `wx_${branchId}_${i}`;
  const work: { branchId: string; activityId: string; taskId: string }[] = [];
  for (const branchId of branches) {
    const sec = openid(branchId, 0);
    const { activityId } = await call<{ activityId: string }>(sec, 'activity', 'create', {
      title: '压测：重算期间签到',
      type: 'theme_day',
      startAt: new Date(now.getTime() - 10 * 60_000).toISOString(),
      endAt: new Date(now.getTime() + 50 * 60_000).toISOString(),
      place: '会议室',
    });
    const { taskId } = await call<{ taskId: string }>(sec, 'study', 'createTask', {
      title: '压测：重算期间学习',
      material: { text: '学习党章。' },
      dueAt: new Date(now.getTime() + 3 * DAY).toISOString(),
    });
    work.push({ branchId, activityId, taskId });
  }
  const { noticeId } = await call<{ noticeId: string }>(ADMIN, 'notice', 'create', {
    title: '压测：重算期间的通知',
    body: '请阅读。',
    scope: 'bureau',
    branchIds: branches,
  });
  const writes: (() => Promise<unknown>)[] = [];
  for (const w of work) {
    // The code on the secretary's screen at the moment each member scans it.
    const token = () => issueToken(w.activityId, process.env.CHECKIN_SECRET!, Date.now()).token;
    for (let i = 0; i < PER_BRANCH; i++) {
      const who = openid(w.branchId, i);
      writes.push(() => call(who, 'activity', 'checkin', { token: token() }));
      if (i % 4 !== 3) writes.push(() => call(who, 'study', 'complete', { taskId: w.taskId }));
      if (i % 5 !== 4) writes.push(() => call(who, 'notice', 'get', { noticeId }));
    }
  }
  let next = 0;
  const started = performance.now();
  await Promise.all([
    runHourly(),
    ...Array.from({ length: 32 }, async () => {
      while (next < writes.length) await writes[next++]!();
    }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  // Counters against records, entry by entry.
  const db = cloud.database();
  let drift = 0;
  const month = beijingMonth(now);
  for (const w of work) {
    const { data: doc } = (await db
      .collection(COLLECTIONS.branchMonths)
      .doc(`${w.branchId}_${month}`)
      .get()) as unknown as {
      data: BranchMonthDoc;
    };
    const count = async (collection: string, where: object) =>
      ((await db.collection(collection).where(where).count()) as { total: number }).total;
    const present = await count(COLLECTIONS.checkins, { activityId: w.activityId, state: 'present' });
    const done = await count(COLLECTIONS.studyCompletions, { taskId: w.taskId });
    const read = await count(COLLECTIONS.noticeReceipts, { noticeId, branchId: w.branchId });
    const { data: delivery } = (await db
      .collection(COLLECTIONS.noticeBranches)
      .doc(`${noticeId}_${w.branchId}`)
      .get()) as unknown as { data: NoticeBranchDoc };
    if (doc.activities[w.activityId]?.present !== present) drift++;
    if (doc.study?.tasks[w.taskId]?.done !== done) drift++;
    if (delivery.readCount !== read) drift++;
  }
  const again = (await runHourly()) as Record<string, { drift?: number }>;
  const rerun = ['recount', 'noticeRecount', 'study', 'quizRecount'].reduce((a, k) => a + (again[k]?.drift ?? 0), 0);
  return {
    what: `recount during ${writes.length} check-ins/completions/reads in 10 branches`,
    budget: 'drift 0',
    measured: `counters vs records: drift ${drift} (${work.length * 3} counters, ${seconds.toFixed(1)} s); next recount: drift ${rerun}`,
    pass: drift === 0 && rerun === 0,
  };
}
