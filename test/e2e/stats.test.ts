import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { DEMO_BRANCHES } from '../../emulator/seed/demo-data';
import { createActivity, endedAgo } from '../support/activities';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';
import { fixtureFor, type Fixture } from '../support/fixture';

/**
 * Statistics end to end in the H5 app. Two branches held meetings this month: 清河县第一中学 a
 * 主题党日 with minutes, 12 present of 14 and one on leave; 城关实验小学 a 主题党日 with few present
 * and a 支委会 without minutes. The admin opens the dashboard, sorts by 到会率, sees the charts and
 * exports the 通报 (opened here with exceljs); 王建国 sees 本月待办 on 首页 and his branch's
 * calendar; 刘洋 sees 我的记录.
 */
let e2e: E2E;
let fx: Fixture;

const BRANCH_A = '清河县第一中学党支部';
const BRANCH_B = DEMO_BRANCHES.find((b) => b._id === 'b-sybx')!.name;
const MINUTES = '会议传达学习了上级文件精神，讨论了本学期党建工作安排，明确了分工和时间节点。';

/** The H5 router keeps earlier pages in the document, hidden: look on the one on screen. */
const shown = (locator: Locator) => locator.filter({ visible: true }).first();

const memberId = (branch: string, n: number) => `${branch}-${String(n).padStart(2, '0')}`;

async function mark(caller: string, activityId: string, member: string, state: 'present' | 'leave') {
  const result = await fx.call(caller, 'activity', 'markAttendance', {
    activityId,
    memberId: member,
    state,
    reason: state === 'leave' ? '外出培训' : '现场签到补记',
  });
  if (!result.ok) throw new Error(`markAttendance failed: ${result.message}`);
}

async function minutes(caller: string, activityId: string) {
  const result = await fx.call(caller, 'activity', 'saveMinutes', { activityId, text: MINUTES, photos: [] });
  if (!result.ok) throw new Error(`saveMinutes failed: ${result.message}`);
}

/** Meetings that ended within the last hours: this Beijing month's (unless the month began an hour ago). */
async function seedMeetings() {
  const a = await createActivity(fx, 'secretaryA', endedAgo(60, { title: '本月主题党日', type: 'theme_day' }));
  for (let n = 1; n <= 12; n++) await mark('secretaryA', a, memberId('b-qhyz', n), 'present');
  await mark('secretaryA', a, memberId('b-qhyz', 13), 'leave');
  await minutes('secretaryA', a);

  const b = await createActivity(fx, 'secretaryB', endedAgo(120, { title: '实验小学主题党日', type: 'theme_day' }));
  for (let n = 1; n <= 3; n++) await mark('secretaryB', b, memberId('b-sybx', n), 'present');
  await mark('secretaryB', b, memberId('b-sybx', 4), 'leave');
  await minutes('secretaryB', b);
  // Held, but nobody wrote its minutes: 已开展·缺记录.
  await createActivity(
    fx,
    'secretaryB',
    endedAgo(180, { title: '实验小学支委会', type: 'committee', audience: { kind: 'committee' } }),
  );
}

beforeAll(async () => {
  e2e = await startE2E();
  fx = fixtureFor(e2e.runtime);
  await seedMeetings();
}, 90_000);
afterAll(() => e2e?.close());

/** Branch names down the fixed column of the dashboard table, top to bottom. */
async function tableOrder(page: Page): Promise<string[]> {
  const names = page.locator('.st-table__name-text').filter({ visible: true });
  return (await names.allInnerTexts()).map((n) => n.trim());
}

async function sheetRows(book: ExcelJS.Workbook, name: string): Promise<string[][]> {
  const sheet = book.getWorksheet(name);
  expect(sheet).toBeDefined();
  const rows: string[][] = [];
  sheet!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

describe('statistics in the H5 app', () => {
  it('the admin opens the dashboard, sorts by 到会率 and sees the charts', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    const bureau = shown(admin.getByLabel('局党委工作'));
    await bureau.waitFor();
    await bureau.getByText('统计', { exact: true }).click();
    await shown(admin.locator('.st-table')).waitFor();
    expect(admin.url()).toContain('/packages/stats/dashboard/index');

    // Every branch's light on one screen, each with its reason.
    const lights = shown(admin.locator('.st-lights'));
    expect(await lights.locator('.st-lights__row').count()).toBe(DEMO_BRANCHES.length);
    await lights
      .locator('.st-lights__row')
      .filter({ hasText: BRANCH_B })
      .getByText(/已开展·缺记录/)
      .waitFor();
    await screenshot(admin, 'stats-dashboard');

    // 到会率 high to low: 一中 12/14 before 实验小学's few, branches with no meeting last.
    await shown(admin.locator('.st-table__th').filter({ hasText: '到会率' })).click();
    await shown(admin.locator('.st-table__th--sorted').filter({ hasText: '到会率↓' })).waitFor();
    const desc = await tableOrder(admin);
    expect(desc.slice(0, 2)).toEqual([BRANCH_A, BRANCH_B]);
    const rateCells = admin.locator('.st-table__cell[data-column="attendanceRate"] .st-table__value');
    expect((await rateCells.allInnerTexts()).filter((t) => t.trim() !== '—')).toHaveLength(2);
    expect(await rateCells.first().innerText()).toBe('85.7%');
    // Tapped again: low to high, still with the branches without a figure last.
    await shown(admin.locator('.st-table__th').filter({ hasText: '到会率↓' })).click();
    await shown(admin.locator('.st-table__th--sorted').filter({ hasText: '到会率↑' })).waitFor();
    const asc = await tableOrder(admin);
    expect(asc.slice(0, 2)).toEqual([BRANCH_B, BRANCH_A]);
    expect(new Set(asc)).toEqual(new Set(desc));
    await admin.locator('.st-table').scrollIntoViewIfNeeded();
    await screenshot(admin, 'stats-dashboard-sorted');

    // The branch comparison: bars as wide as each branch's 到会率, the widest first.
    const chart = shown(admin.getByLabel('支部对比图'));
    await chart.scrollIntoViewIfNeeded();
    const bars = chart.locator('.st-hbar__fill');
    expect(await bars.count()).toBe(DEMO_BRANCHES.length);
    const widths = await bars.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    const track = await chart
      .locator('.st-hbar__track')
      .first()
      .evaluate((e) => e.getBoundingClientRect().width);
    expect(widths[0]! / track).toBeCloseTo(12 / 14, 1);
    expect(widths[1]!).toBeGreaterThan(0);
    expect(widths[1]!).toBeLessThan(widths[0]!);
    await screenshot(admin, 'stats-dashboard-bars');

    // The monthly trend: a column for this month, with a height.
    const trend = shown(admin.getByLabel('月度趋势'));
    await trend.scrollIntoViewIfNeeded();
    const heights = await trend
      .locator('.st-vbar__fill')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...heights)).toBeGreaterThan(20);
    await screenshot(admin, 'stats-dashboard-trend');
  }, 120_000);

  it('the admin exports the 通报 and the workbook holds metrics, compliance items and scores', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    await shown(admin.getByLabel('局党委工作')).waitFor();
    await admin.goto(`${e2e.server.url}/#/packages/stats/dashboard/index`);
    await shown(admin.locator('.st-table')).waitFor();
    const download = admin.waitForEvent('download');
    await shown(admin.getByText('导出通报', { exact: true })).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/支部工作统计\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['支部指标', '合规事项', '考评得分']);

    const metrics = await sheetRows(book, '支部指标');
    expect(metrics[0]).toEqual(expect.arrayContaining(['支部', '书记', '应到', '实到', '请假', '到会率', '合规灯']));
    const col = (name: string) => metrics[0]!.indexOf(name);
    const rowA = metrics.find((r) => r[0] === BRANCH_A)!;
    expect(rowA[col('书记')]).toBe('王建国');
    expect([rowA[col('应到')], rowA[col('实到')], rowA[col('请假')]]).toEqual(['14', '12', '1']);
    expect(rowA[col('到会率')]).toBe('85.7%');
    expect(metrics).toHaveLength(DEMO_BRANCHES.length + 1);

    const items = await sheetRows(book, '合规事项');
    expect(items[0]).toEqual(['支部', '事项', '周期', '状态', '已开展次数', '缺记录次数', '活动日期', '要求']);
    const themeDayA = items.find((r) => r[0] === BRANCH_A && r[1] === '主题党日')!;
    expect(themeDayA[3]).toBe('已完成');
    expect(themeDayA[6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const committeeB = items.find((r) => r[0] === BRANCH_B && r[1] === '支委会')!;
    expect(committeeB[5]).toBe('1');
    expect(items.some((r) => ['进行中', '已逾期'].includes(r[3]!))).toBe(true);

    const scores = await sheetRows(book, '考评得分');
    expect(scores[0]!.slice(0, 2)).toEqual(['排名', '支部']);
    expect(scores[0]).toContain('总分');
    expect(scores).toHaveLength(DEMO_BRANCHES.length + 1);
    // Ranked: 总分 high to low, equal scores sharing a rank.
    const totals = scores.slice(1).map((r) => Number(r[scores[0]!.indexOf('总分')]));
    const ranks = scores.slice(1).map((r) => Number(r[0]));
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < totals.length; i++) {
      expect(totals[i]!).toBeLessThanOrEqual(totals[i - 1]!);
      expect(ranks[i]).toBe(totals[i] === totals[i - 1] ? ranks[i - 1] : i + 1);
    }

    // Branches, never people: the only names are the secretaries'.
    const text = [...metrics, ...items, ...scores].flat().join('\n');
    const people = DEMO_BRANCHES.flatMap((b) => b.people.map((p) => p.split('|')));
    for (const [name, , , , , roles] of people) {
      if (roles!.includes('secretary')) continue;
      expect(text).not.toContain(name!);
    }
  }, 90_000);

  it('a secretary sees 本月待办 on 首页, opens the form with the type, and sees the calendar', async () => {
    const secretary = await signInAs(e2e, '王建国');
    const todo = shown(secretary.getByLabel('本月待办'));
    await todo.waitFor();
    await todo.getByText(/^本月还需：.*支委会 1 次/).waitFor();
    // 主题党日 was held this month: not asked for again.
    expect(await todo.getByText(/主题党日 · 还需/).count()).toBe(0);
    await todo.scrollIntoViewIfNeeded();
    await screenshot(secretary, 'stats-home-todo');

    await todo.getByText('支委会 · 还需 1 次').click();
    await secretary.waitForURL(/packages\/activity\/edit\/index\?type=committee/);
    await shown(secretary.locator('.act-form__type--on').filter({ hasText: '支委会' })).waitFor();
    await screenshot(secretary, 'stats-todo-form');
    await secretary.goBack();

    await shown(secretary.getByLabel('本月待办')).getByText('合规日历').click();
    const calendar = shown(secretary.getByLabel('合规日历'));
    await calendar.waitFor();
    const themeDay = calendar.locator('.st-item').filter({ hasText: '主题党日' });
    await themeDay.getByText('已完成').first().waitFor();
    await themeDay.locator('.st-slot__evidence').first().waitFor();
    await calendar
      .locator('.st-item')
      .filter({ hasText: '支委会' })
      .getByText(/进行中·剩 \d+ 天/)
      .first()
      .waitFor();
    // Who missed the meeting: 14 expected, 12 present, 1 on leave.
    const absences = shown(secretary.getByLabel('缺席情况'));
    await absences.getByText('缺席 1 人').waitFor();
    await absences.getByText('朱光明').waitFor();
    await screenshot(secretary, 'stats-branch');
    await calendar.scrollIntoViewIfNeeded();
    await screenshot(secretary, 'stats-branch-calendar');
  }, 90_000);

  it('a member sees 我的记录', async () => {
    const member = await signInAs(e2e, '刘洋');
    await member.getByText('我的', { exact: true }).last().click();
    await shown(member.getByText('党员信息', { exact: true })).waitFor();
    // In the group 我的记录, beside 我的出勤记录.
    await shown(member.getByText('出勤、学习、测试、阅读', { exact: true })).click();
    await shown(member.locator('.st-figures')).waitFor();
    const attendance = shown(member.getByLabel('出勤'));
    await attendance.getByText('出席 1 / 应到 1 · 请假 0').waitFor();
    await shown(member.locator('.st-row').filter({ hasText: '本月主题党日' }))
      .getByText('出席')
      .waitFor();
    // Nobody else's record, and no ranking of people.
    expect(await member.getByText('朱光明').count()).toBe(0);
    await screenshot(member, 'stats-mine');
  }, 60_000);
});
