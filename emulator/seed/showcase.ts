import cloud from 'wx-server-sdk';
import { COLLECTIONS, type AppraisalGrade, type DuesMonth, type ReviewGrade } from '@zhibu/types';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../runtime';
import { DEMO_BRANCHES, demoOpenid, parsePerson, type SeedPerson } from './demo-data';
import { atInstant } from './shifted-clock';

/**
 * The five later systems (党费, 书记培训登记, 组织关系转接, 民主评议党员, 述职评议) filled for the
 * demo county, so a newcomer sees each at work rather than empty. Everything is done by calling the
 * real functions as the demo users who would do it, so counters, audit entries and compliance
 * months are what the app itself writes. Last year's reviews run with the clock set to the days
 * they would have run (see shifted-clock.ts). All dates are relative to today.
 *
 * Written once: a database where any of these systems already has a record is left alone.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Person extends SeedPerson {
  memberId: string;
  branchId: string;
  index: number;
}

const PEOPLE: Person[] = DEMO_BRANCHES.flatMap((branch) =>
  branch.people.map((line, index) => ({
    ...parsePerson(line),
    memberId: `${branch._id}-${String(index + 1).padStart(2, '0')}`,
    branchId: branch._id,
    index,
  })),
);
const secretaryOf = (branchId: string) => PEOPLE.find((p) => p.branchId === branchId && p.roles.includes('secretary'))!;
const openidOf = (p: Person) => demoOpenid(p.memberId);
const ADMIN = PEOPLE.find((p) => p.roles.includes('admin'))!;
const paying = (p: Person) => p.status === '正式党员' || p.status === '预备党员';

/** Beijing calendar day `days` from `at`, as YYYY-MM-DD. */
const beijingDay = (at: Date, days = 0) => new Date(at.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
/** An instant given as a Beijing date and hour. */
const beijingAt = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

type Call = <T>(openid: string | null, name: string, action: string, data?: unknown) => Promise<T>;

function caller(runtime: LocalRuntime, counter: { calls: number }): Call {
  return async <T>(openid: string | null, name: string, action: string, data?: unknown) => {
    counter.calls += 1;
    const event = data === undefined ? { action } : { action, data };
    const result = (await runtime.invoke(name, event, { openid })) as
      { ok: true; data: T } | { ok: false; code: string; message: string };
    if (!result.ok) throw new Error(`演示数据写入失败：${name}.${action}（${openid}）${result.code} ${result.message}`);
    return result.data;
  };
}

const SHOWCASE_COLLECTIONS = [
  COLLECTIONS.duesBases,
  COLLECTIONS.secretaryTerms,
  COLLECTIONS.trainings,
  COLLECTIONS.transfers,
  COLLECTIONS.reviews,
  COLLECTIONS.appraisalRounds,
];

export async function seedShowcase(runtime: LocalRuntime): Promise<{ seeded: boolean; calls: number }> {
  const db = cloud.database();
  const county = await getDocs<{ _id: string }>(db.collection(COLLECTIONS.members).where({ _id: ADMIN.memberId }));
  if (county.length === 0) return { seeded: false, calls: 0 };
  for (const name of SHOWCASE_COLLECTIONS) {
    if ((await getDocs(db.collection(name).limit(1))).length > 0) return { seeded: false, calls: 0 };
  }

  const counter = { calls: 0 };
  const call = caller(runtime, counter);
  const today = new Date();
  const year = Number(beijingDay(today).slice(0, 4));

  await appraisalOfLastYear(call, year - 1);
  await reviewOfLastYear(call, year - 1, 'b-qhyz');
  await reviewOfLastYear(call, year - 1, 'b-jgzb');
  await trainingRegister(call, today);
  await dues(call, today, year);
  await atInstant(beijingAt(beijingDay(today, -3), 10), () => pendingTransfer(call));
  await reviewOfThisYear(call, today, year, 'b-sybx');
  return { seeded: true, calls: counter.calls };
}

// ——— 述职评议: last year's round, held in January, ended with the members' and teachers' grades.

const REPORT_TEXT = (branchName: string) =>
  `一年来，我履行${branchName}书记抓党建第一责任人职责，坚持“三会一课”制度，全年召开支部党员大会 4 次、支委会 12 次，` +
  `讲党课 2 次；把党建工作与教育教学深度融合，组织党员教师开展“党员示范课”和结对帮扶活动。` +
  `存在的不足：理论学习的系统性还不够，对青年教师的政治引领办法不多。下一步，我将带头加强学习，` +
  `落实好“第一议题”制度，推动支部标准化规范化建设再上台阶。`;

function memberGrade(p: Person): AppraisalGrade {
  const grades: AppraisalGrade[] = ['good', 'good', 'fairlyGood', 'good', 'average', 'good', 'fairlyGood'];
  return grades[(p.index * 3 + p.name.length) % grades.length]!;
}

async function appraisalOfLastYear(call: Call, year: number): Promise<void> {
  const from = `${year + 1}-01-08`;
  const to = `${year + 1}-01-22`;
  await atInstant(beijingAt(from, 9), async () => {
    await call(openidOf(ADMIN), 'appraisal', 'open', { year, from, to });
    for (const branch of DEMO_BRANCHES) {
      const secretary = secretaryOf(branch._id);
      const mine = await call<{ own: { reportId: string } | null }>(openidOf(secretary), 'appraisal', 'mine', { year });
      const reportId = mine.own!.reportId;
      await call(openidOf(secretary), 'appraisal', 'submit', {
        reportId,
        text: REPORT_TEXT(branch.name),
        attachments: [],
      });
      // A few teachers who are not party members grade with the codes the secretary hands out.
      const { codes } = await call<{ codes: string[] }>(openidOf(secretary), 'appraisal', 'issueCodes', {
        reportId,
        count: 3,
      });
      for (const [i, code] of codes.entries()) {
        await call(`demo_teacher_${branch._id}_${i}`, 'appraisal', 'teacherRate', {
          code,
          grade: i === 2 ? 'fairlyGood' : 'good',
        });
      }
    }
  });
  await atInstant(beijingAt(`${year + 1}-01-15`, 20), async () => {
    for (const p of PEOPLE) {
      if (!p.bound || p.roles.includes('secretary')) continue;
      const mine = await call<{ toRate: { reportId: string; blocked: string | null }[] }>(
        openidOf(p),
        'appraisal',
        'mine',
        { year },
      );
      for (const item of mine.toRate) {
        if (!item.blocked)
          await call(openidOf(p), 'appraisal', 'rate', { reportId: item.reportId, grade: memberGrade(p) });
      }
    }
  });
}

// ——— 民主评议党员: last year's, held in January, closed, rated by the committee and published.

const SELF_TEXT = (p: Person) =>
  `本年度我认真学习党的创新理论，按时参加支部“三会一课”和主题党日活动，按期足额缴纳党费。` +
  `在${p.position}岗位上，我立足本职、爱岗敬业，积极参与结对帮扶和志愿服务，努力发挥党员先锋模范作用。` +
  `对照党员标准，我在理论学习的深度和联系群众的主动性上还有差距，今后将认真整改，做一名合格党员。`;

/** How the members see each other: mostly 合格, a few 优秀 — as in a real branch. */
function reviewGrade(target: Person, rater: Person): ReviewGrade {
  if (target.index % 4 === 1) return (rater.index + target.index) % 3 === 0 ? '合格' : '优秀';
  return (rater.index + target.index) % 7 === 0 ? '优秀' : '合格';
}

async function reviewOfLastYear(call: Call, year: number, branchId: string): Promise<void> {
  const secretary = secretaryOf(branchId);
  const members = PEOPLE.filter((p) => p.branchId === branchId && paying(p));
  const from = `${year + 1}-01-06`;
  const to = `${year + 1}-01-16`;
  let reviewId = '';
  await atInstant(beijingAt(from, 9), async () => {
    ({ reviewId } = await call<{ reviewId: string }>(openidOf(secretary), 'review', 'open', {
      year,
      from,
      to,
      minSelfLength: 100,
    }));
  });
  await atInstant(beijingAt(`${year + 1}-01-12`, 19), async () => {
    for (const rater of members.filter((p) => p.bound)) {
      await call(openidOf(rater), 'review', 'selfAssess', { reviewId, text: SELF_TEXT(rater) });
      for (const target of members) {
        if (target.memberId === rater.memberId) continue;
        await call(openidOf(rater), 'review', 'rate', {
          reviewId,
          memberId: target.memberId,
          grade: reviewGrade(target, rater),
        });
      }
    }
  });
  await atInstant(beijingAt(`${year + 1}-01-19`, 15), async () => {
    for (const target of members) {
      await call(openidOf(secretary), 'review', 'committeeRate', {
        reviewId,
        memberId: target.memberId,
        grade: target.index % 4 === 1 ? '优秀' : '合格',
      });
    }
    await call(openidOf(secretary), 'review', 'publish', { reviewId });
  });
}

/** This year's review in one branch, open now: its members have a ballot to fill in. */
async function reviewOfThisYear(call: Call, today: Date, year: number, branchId: string): Promise<void> {
  const secretary = secretaryOf(branchId);
  const from = beijingDay(today, -2);
  const to = beijingDay(today, 12);
  const { reviewId } = await call<{ reviewId: string }>(openidOf(secretary), 'review', 'open', {
    year: from.startsWith(String(year)) ? year : year - 1,
    from,
    to,
    minSelfLength: 100,
  });
  // The secretary and one member have started; the others have not.
  const members = PEOPLE.filter((p) => p.branchId === branchId && paying(p));
  for (const rater of [secretary, members.find((p) => p.bound && !p.roles.includes('secretary'))!]) {
    await call(openidOf(rater), 'review', 'selfAssess', { reviewId, text: SELF_TEXT(rater) });
    for (const target of members.slice(0, 4)) {
      if (target.memberId !== rater.memberId) {
        await call(openidOf(rater), 'review', 'rate', { reviewId, memberId: target.memberId, grade: '合格' });
      }
    }
  }
}

// ——— 支部书记培训登记: each secretary's term, and the bureau's trainings.

async function trainingRegister(call: Call, today: Date): Promise<void> {
  const admin = openidOf(ADMIN);
  for (const [i, branch] of DEMO_BRANCHES.entries()) {
    await call(admin, 'training', 'startTerm', {
      branchId: branch._id,
      secretaryId: secretaryOf(branch._id).memberId,
      startDate: beijingDay(today, -(820 + i * 45)),
    });
  }
  const secretaries = DEMO_BRANCHES.map((b) => secretaryOf(b._id).memberId);
  const committees = PEOPLE.filter((p) => p.roles.includes('committee') && !p.roles.includes('secretary'));
  const trainings = [
    {
      title: '全县中小学党支部书记示范培训班',
      organiser: '中共清河县教育局委员会',
      startDate: beijingDay(today, -430),
      endDate: beijingDay(today, -426),
      hours: 32,
      attendeeIds: secretaries,
    },
    {
      title: '党支部书记党务工作实务专题培训',
      organiser: '中共清河县委组织部',
      startDate: beijingDay(today, -150),
      endDate: beijingDay(today, -149),
      hours: 16,
      // 王建国 of 第一中学 was away: his term still needs one more.
      attendeeIds: secretaries.filter((id) => id !== 'b-qhyz-01'),
    },
    {
      title: '支部委员履职能力线上轮训',
      organiser: '清河县委党校',
      startDate: beijingDay(today, -40),
      endDate: beijingDay(today, -40),
      hours: 6,
      attendeeIds: committees.map((p) => p.memberId).slice(0, 5),
    },
  ];
  for (const training of trainings) await call(admin, 'training', 'create', training);
}

// ——— 党费: bases for the year, payments by quarter (some members behind), one published 公示.

function baseOf(p: Person): { base: number; category: 'in_service' | 'retired' } {
  const yuan = 3600 + ((p.index * 1370 + p.name.charCodeAt(0)) % 5200);
  return { base: yuan * 100, category: p.position.includes('退休') ? 'retired' : 'in_service' };
}

/**
 * 第一中学 publishes the last full quarter, as it does every quarter; in the first quarter of the
 * year that is last year's fourth, which has no seeded payments, so this quarter's instead.
 */
export function showcaseBoardQuarter(today: Date): string {
  const last = quarterOf(beijingDay(today, -92).slice(0, 7));
  return last.slice(0, 4) === beijingDay(today).slice(0, 4) ? last : quarterOf(beijingDay(today).slice(0, 7));
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

async function dues(call: Call, today: Date, year: number): Promise<void> {
  const todayDate = beijingDay(today);
  // Branch by branch at once: each secretary keeps their own branch's books.
  await Promise.all(DEMO_BRANCHES.map((branch) => branchDues(call, branch._id, todayDate, year)));
  await call(openidOf(secretaryOf('b-qhyz')), 'dues', 'publish', { quarter: showcaseBoardQuarter(today) });
}

async function branchDues(call: Call, branchId: string, todayDate: string, year: number): Promise<void> {
  const thisMonth = todayDate.slice(0, 7);
  const secretary = openidOf(secretaryOf(branchId));
  for (const p of PEOPLE.filter((x) => x.branchId === branchId && paying(x))) {
    await call(secretary, 'dues', 'setBase', { memberId: p.memberId, year, ...baseOf(p) });
    const { months } = await call<{ months: DuesMonth[] }>(secretary, 'dues', 'member', {
      memberId: p.memberId,
      year,
    });
    const owed = months.filter((m) => m.due > 0 && m.month <= thisMonth && m.state !== 'paid');
    // One in five is behind by two months; half have already paid this month.
    const behind = p.index % 5 === 2 ? 2 : 0;
    const past = owed.filter((m) => m.month < thisMonth);
    const upTo = past.slice(0, past.length - behind);
    if (p.index % 2 === 0 && behind === 0) upTo.push(...owed.filter((m) => m.month === thisMonth));
    const byQuarter = new Map<string, DuesMonth[]>();
    for (const m of upTo) byQuarter.set(quarterOf(m.month), [...(byQuarter.get(quarterOf(m.month)) ?? []), m]);
    for (const [q, list] of byQuarter) {
      const paidAt = `${list[0]!.month}-${String(10 + (p.index % 10)).padStart(2, '0')}`;
      await call(secretary, 'dues', 'recordPayment', {
        memberId: p.memberId,
        months: list.map((m) => m.month),
        amount: list.reduce((sum, m) => sum + m.due, 0),
        method: (p.index + Number(q.slice(-1))) % 3 === 0 ? 'cash' : 'transfer',
        paidAt: paidAt > todayDate ? todayDate : paidAt,
      });
    }
  }
}

// ——— 组织关系转接: 实验小学 sends 郑红霞 to 第一中学; 王建国 has it waiting for him.

async function pendingTransfer(call: Call): Promise<void> {
  await call(openidOf(secretaryOf('b-sybx')), 'transfer', 'start', { memberId: 'b-sybx-08', toBranchId: 'b-qhyz' });
}
