/**
 * The compliance calendar over a year of designed data, through the real functions and a
 * controlled server clock: one branch holds everything the default rules table asks (with party
 * groups, so 党小组会 too), the other misses exactly one 支委会 month. Every meeting is created,
 * attended (a scan and a manual mark) and minuted as a secretary would, on the day it happens.
 */
import type { Compliance, ComplianceItem, Dashboard, Inspection } from '@zhibu/types';
import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { aBranch, aMember } from '../../support/factories';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

const HOUR = 3600_000;
const YEAR = 2026;

let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;

interface TestBranch {
  id: string;
  secretary: string;
  /** Openids of the people who scan in: a committee member (for 支委会) and a plain member. */
  committee: { id: string; openid: string };
  member: { id: string; openid: string };
}

let full: TestBranch;
let missing: TestBranch;

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

async function branchWith(name: string, partyGroups: boolean): Promise<TestBranch> {
  const branch = await aBranch({ name, partyGroups: partyGroups ? [{ id: 'g1', name: '第一党小组' }] : [] });
  const group = partyGroups ? 'g1' : null;
  const secretary = await aMember(branch._id, {
    name: '书记',
    roles: ['member', 'secretary', 'committee'],
    partyGroupId: group,
  });
  const committee = await aMember(branch._id, { name: '支委', roles: ['member', 'committee'], partyGroupId: group });
  const member = await aMember(branch._id, { name: '党员甲', partyGroupId: group });
  await aMember(branch._id, { name: '党员乙', partyGroupId: group });
  return {
    id: branch._id,
    secretary: secretary.openid!,
    committee: { id: committee._id, openid: committee.openid! },
    member: { id: member._id, openid: member.openid! },
  };
}

/**
 * A meeting held as a secretary holds one: created the day before, a member scans in while it
 * runs, the secretary marks a second person present afterwards and (unless told not to) saves the
 * minutes an hour after it ends.
 */
async function hold(
  branch: TestBranch,
  type: string,
  start: Date,
  end = new Date(start.getTime() + 1.5 * HOUR),
  options: { minutes?: boolean } = {},
): Promise<string> {
  clock.set(new Date(start.getTime() - 24 * HOUR));
  const { activityId } = must(
    await fx.call<{ activityId: string }>(branch.secretary, 'activity', 'create', {
      title: `${type} 会议`,
      type,
      startAt: start.toISOString(),
      endAt: end.toISOString(),
      place: '会议室',
    }),
    `create ${type} ${start.toISOString()}`,
  );
  const scanner = type === 'committee' ? branch.committee : branch.member;
  clock.set(new Date(start.getTime() + 5 * 60_000));
  // The code on the secretary's screen (activity.checkinCode draws it as a picture, which is slow here).
  const { token } = issueToken(activityId, process.env.CHECKIN_SECRET!, Date.now());
  must(await fx.call(scanner.openid, 'activity', 'checkin', { token }), 'checkin');
  clock.set(new Date(end.getTime() + HOUR));
  const other = type === 'committee' ? branch.member : branch.committee;
  if (type !== 'committee') {
    must(
      await fx.call(branch.secretary, 'activity', 'markAttendance', {
        activityId,
        memberId: other.id,
        state: 'present',
        reason: '会后补登签到',
      }),
      'markAttendance',
    );
  }
  if (options.minutes !== false) {
    must(
      await fx.call(branch.secretary, 'activity', 'saveMinutes', {
        activityId,
        text: '会议传达学习了上级精神，研究部署了本月工作。',
        photos: [],
      }),
      'saveMinutes',
    );
  }
  return activityId;
}

const monthStart = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

beforeAll(async () => {
  clock = controlClock(bj(`${YEAR}-01-01 08:00`));
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  full = await branchWith('按时开展学校党支部', true);
  missing = await branchWith('缺一次支委会学校党支部', false);

  for (let m = 1; m <= 11; m++) {
    const month = monthStart(m);
    await hold(full, 'committee', bj(`${month}-05 15:00`));
    await hold(full, 'group', bj(`${month}-10 15:00`));
    await hold(full, 'theme_day', bj(`${month}-15 15:00`));
    if (m !== 6) await hold(missing, 'committee', bj(`${month}-06 15:00`));
    // April's 主题党日 of the second branch starts at 07:00 Beijing time on 1 April, which is still
    // 31 March in UTC: it counts in April.
    if (m === 4) await hold(missing, 'theme_day', bj(`${YEAR}-04-01 07:00`), bj(`${YEAR}-04-01 08:00`));
    else await hold(missing, 'theme_day', bj(`${month}-16 15:00`));
    if (m % 3 === 1) {
      await hold(full, 'party_congress', bj(`${month}-20 15:00`));
      await hold(full, 'lecture', bj(`${month}-21 15:00`));
      await hold(missing, 'party_congress', bj(`${month}-20 15:00`));
      // The first quarter's 党课 of the second branch ends at 23:50 on 31 March, Beijing time.
      if (m !== 1) await hold(missing, 'lecture', bj(`${month}-21 15:00`));
    }
    if (m === 3) await hold(missing, 'lecture', bj(`${YEAR}-03-31 22:50`), bj(`${YEAR}-03-31 23:50`));
  }
  for (const branch of [full, missing]) {
    await hold(branch, 'life_meeting', bj(`${YEAR}-01-25 09:00`));
    await hold(branch, 'review', bj(`${YEAR}-11-25 09:00`));
  }
  clock.set(bj(`${YEAR}-12-20 12:00`));
}, 120_000);

afterAll(() => {
  runtime?.close();
  clock?.restore();
});

async function calendar(branch: TestBranch): Promise<Compliance> {
  return must(await fx.call<Compliance>(branch.secretary, 'stats', 'compliance', { year: YEAR }), 'compliance');
}

const item = (c: Compliance, type: string, period: string): ComplianceItem => {
  const found = c.items.find((i) => i.item === type && i.period === period);
  if (!found) throw new Error(`no item ${type} ${period}`);
  return found;
};

async function dashboardRow(period: string, branch: TestBranch) {
  const data = must(await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period }), 'dashboard');
  const row = data.branches.find((b) => b.branchId === branch.id);
  if (!row) throw new Error(`no dashboard row for ${branch.id}`);
  return row;
}

describe('on 20 December: the branch that held everything', () => {
  it('is green, every ended month, quarter and the year done with its evidence dates', async () => {
    const c = await calendar(full);
    expect(c.light).toBe('green');
    expect(c.reasons).toEqual(['绿：各项组织生活按要求开展']);
    for (let m = 1; m <= 11; m++) {
      for (const [type, day] of [
        ['committee', '05'],
        ['group', '10'],
        ['theme_day', '15'],
      ] as const) {
        const it = item(c, type, monthStart(m));
        expect(it).toMatchObject({ status: 'done', held: 1, missingMinutes: 0, daysLeft: null });
        expect(it.evidence).toEqual([`${monthStart(m)}-${day}`]);
      }
    }
    for (let q = 1; q <= 4; q++) {
      const month = monthStart((q - 1) * 3 + 1);
      expect(item(c, 'party_congress', `${YEAR}-Q${q}`)).toMatchObject({ status: 'done', evidence: [`${month}-20`] });
      expect(item(c, 'lecture', `${YEAR}-Q${q}`)).toMatchObject({ status: 'done', evidence: [`${month}-21`] });
    }
    expect(item(c, 'life_meeting', String(YEAR))).toMatchObject({ status: 'done', evidence: [`${YEAR}-01-25`] });
    expect(item(c, 'review', String(YEAR))).toMatchObject({ status: 'done', evidence: [`${YEAR}-11-25`] });
  });

  it("December's monthly items are due with 12 days left; nothing overdue, nothing listed for next year", async () => {
    const c = await calendar(full);
    for (const type of ['committee', 'group', 'theme_day']) {
      expect(item(c, type, `${YEAR}-12`)).toMatchObject({ status: 'due', held: 0, daysLeft: 12, evidence: [] });
    }
    expect(c.items.filter((i) => i.status === 'overdue')).toEqual([]);
    expect(c.items.filter((i) => i.status === 'due').map((i) => `${i.item}@${i.period}`)).toEqual([
      `committee@${YEAR}-12`,
      `group@${YEAR}-12`,
      `theme_day@${YEAR}-12`,
    ]);
    // 11 months × 3 + December's 3, 4 quarters × 2, the year × 2.
    expect(c.items).toHaveLength(36 + 8 + 2);
    expect(c.todo.map((t) => [t.name, t.count, t.daysLeft])).toEqual([
      ['支委会', 1, 12],
      ['党小组会', 1, 12],
      ['主题党日', 1, 12],
    ]);
  });

  it('the dashboard shows the same light and counts what was held', async () => {
    const row = await dashboardRow(String(YEAR), full);
    expect(row.light).toBe('green');
    expect(row.held).toMatchObject({
      committee: 11,
      group: 11,
      theme_day: 11,
      party_congress: 4,
      lecture: 4,
      life_meeting: 1,
      review: 1,
    });
    // 4 people at every meeting but 支委会 (2); at each one person scanned and one was marked.
    expect(row.expected).toBe(11 * 2 + (11 * 2 + 8 + 2) * 4);
    expect(row.present).toBe(11 * 1 + (11 * 2 + 8 + 2) * 2);
  });
});

describe('on 20 December: the branch that missed June’s 支委会', () => {
  it('is red and says why, naming the month and the rule', async () => {
    const c = await calendar(missing);
    expect(c.light).toBe('red');
    expect(c.reasons).toEqual([`红：${YEAR}年6月未召开支委会（应每月至少 1 次）`]);
    expect(item(c, 'committee', `${YEAR}-06`)).toMatchObject({
      status: 'overdue',
      held: 0,
      daysLeft: null,
      evidence: [],
      rule: '应每月至少 1 次',
    });
    expect(c.items.filter((i) => i.status === 'overdue')).toHaveLength(1);
    // No party groups: no 党小组会 items at all.
    expect(c.items.some((i) => i.item === 'group')).toBe(false);
  });

  it('a meeting ending 23:50 on 31 March Beijing time counts in March and Q1; one at 07:00 on 1 April in April', async () => {
    const c = await calendar(missing);
    expect(item(c, 'lecture', `${YEAR}-Q1`)).toMatchObject({ status: 'done', held: 1, evidence: [`${YEAR}-03-31`] });
    expect(item(c, 'theme_day', `${YEAR}-03`)).toMatchObject({ status: 'done', evidence: [`${YEAR}-03-16`] });
    expect(item(c, 'theme_day', `${YEAR}-04`)).toMatchObject({ status: 'done', evidence: [`${YEAR}-04-01`] });
    expect((await dashboardRow(`${YEAR}-03`, missing)).held).toMatchObject({ lecture: 1, theme_day: 1 });
    expect((await dashboardRow(`${YEAR}-Q1`, missing)).held).toMatchObject({ lecture: 1, party_congress: 1 });
    expect((await dashboardRow(`${YEAR}-04`, missing)).held).toMatchObject({ lecture: 1, theme_day: 1 });
  });

  it('the dashboard is red for the year and for June itself, as of the end of June', async () => {
    const year = await dashboardRow(String(YEAR), missing);
    expect(year.light).toBe('red');
    expect(year.reasons).toEqual([`红：${YEAR}年6月未召开支委会（应每月至少 1 次）`]);
    expect(year.held).toMatchObject({ committee: 10, theme_day: 11, lecture: 4, party_congress: 4 });
    const june = await dashboardRow(`${YEAR}-06`, missing);
    expect(june.light).toBe('red');
    expect(june.reasons).toEqual([`红：${YEAR}年6月未召开支委会（应每月至少 1 次）`]);
    const may = await dashboardRow(`${YEAR}-05`, missing);
    expect(may.light).toBe('green');
  });

  it("the first half-year's inspection counts June: 支委会 5 of 6 for one branch, 6 of 6 for the other", async () => {
    const result = must(
      await fx.call<Inspection>(DEMO.admin.openid, 'stats', 'inspection', { period: `${YEAR}-H1` }),
      'inspection',
    );
    const committee = (branch: TestBranch) =>
      result.branches.find((b) => b.branchId === branch.id)!.items.find((i) => i.key === 'committee');
    expect(committee(missing)).toMatchObject({ detail: '完成 5/6', score: 12.5 });
    expect(committee(full)).toMatchObject({ detail: '完成 6/6', score: 15 });
  });
});

describe('the last week of December', () => {
  it('turns yellow for what is due within 7 days', async () => {
    clock.set(bj(`${YEAR}-12-26 12:00`));
    const c = await calendar(full);
    expect(c.light).toBe('yellow');
    expect(c.reasons).toEqual([
      '黄：本月支委会尚未召开，还剩 6 天（应每月至少 1 次）',
      '黄：本月党小组会尚未召开，还剩 6 天（应每月至少 1 次）',
      '黄：本月主题党日尚未召开，还剩 6 天（应每月至少 1 次）',
    ]);
  });

  it('a meeting held without minutes is done but 已开展·缺记录 (yellow) until the minutes are saved', async () => {
    const id = await hold(full, 'theme_day', bj(`${YEAR}-12-27 09:00`), bj(`${YEAR}-12-27 10:30`), {
      minutes: false,
    });
    await hold(full, 'committee', bj(`${YEAR}-12-27 14:00`));
    await hold(full, 'group', bj(`${YEAR}-12-28 09:00`));
    // The clock is now an hour after the last one ended.
    let c = await calendar(full);
    expect(item(c, 'theme_day', `${YEAR}-12`)).toMatchObject({
      status: 'done',
      held: 1,
      missingMinutes: 1,
      evidence: [],
    });
    expect(c.light).toBe('yellow');
    expect(c.reasons).toEqual(['黄：本月主题党日已开展·缺记录 1 次（请补会议记录和签到）']);
    const row = await dashboardRow(`${YEAR}-12`, full);
    expect(row).toMatchObject({ light: 'yellow', reasons: c.reasons });

    must(
      await fx.call(full.secretary, 'activity', 'saveMinutes', {
        activityId: id,
        text: '补记：会议学习了党章，开展了志愿服务。',
        photos: [],
      }),
      'saveMinutes',
    );
    c = await calendar(full);
    expect(item(c, 'theme_day', `${YEAR}-12`)).toMatchObject({ missingMinutes: 0, evidence: [`${YEAR}-12-27`] });
    expect(c.light).toBe('green');
    expect((await dashboardRow(`${YEAR}-12`, full)).light).toBe('green');
  });
});
