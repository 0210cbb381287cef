import type { Locator, Page } from 'playwright-core';
import { addDays, addMonths } from '../../cloudfunctions/core/development/dates';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

/**
 * 发展党员 end to end in the H5 app. 王建国, secretary of 清河县第一中学党支部, starts the pipeline of
 * 孙浩然 (入党积极分子 in the roster), records 确定为入党积极分子 with two sponsors chosen from the
 * roster, two half-yearly 考察 notes, is refused 列为发展对象 before the year is up, then records it a
 * year and five days after; he sees the next steps with their due date on the timeline and on 首页.
 * 孙浩然 sees his own timeline under 我的; the bureau admin sees the pipeline across branches.
 *
 * The dates lie in the past, counted back from today (Beijing), so that the steps due after
 * 列为发展对象 fall within the next 14 days. The phone's clock is set to each step's day, because
 * the date picker opens on the phone's today and its 确定 takes that day.
 */
let e2e: E2E;
let secretary: Page;

const shown = (locator: Locator) => locator.filter({ visible: true }).first();

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const TODAY = beijingToday();
/** 列为发展对象 80 days ago: its next steps are due in three months, 9 to 12 days from now. */
const CANDIDATE = addDays(TODAY, -80);
const ACTIVIST = addDays(addMonths(CANDIDATE, -12), -5);
const APPLIED = addDays(ACTIVIST, -30);
const REVIEW_1 = addMonths(ACTIVIST, 6);
/** Ten days before the year as an activist is up: too early for 列为发展对象. */
const REVIEW_2 = addDays(addMonths(ACTIVIST, 12), -10);
const DUE = addMonths(CANDIDATE, 3);

const NOTE_1 = '思想上积极要求进步，认真参加支部学习，体育组工作表现突出。';
const NOTE_2 = '担任校运动会总裁判，组织有序，群众评价好，继续培养。';

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

/** The phone's clock at 10:00 in Beijing on `day`; the page is loaded again so the forms open on it. */
async function onDay(page: Page, day: string) {
  await page.clock.setFixedTime(new Date(`${day}T10:00:00+08:00`));
  await page.reload();
}

/** Opens a date cell's picker and takes the day it opens on (the phone's today). */
async function pickToday(page: Page, label: string) {
  await shown(page.getByLabel(label, { exact: true })).click();
  await shown(page.locator('.weui-picker__action').filter({ hasText: '确定' })).click();
  await page.waitForTimeout(400);
}

async function stage(page: Page): Promise<string> {
  const head = shown(page.locator('.dev-head__stage'));
  await head.waitFor();
  return (await head.innerText()).trim();
}

async function waitForStage(page: Page, wanted: string) {
  for (let i = 0; i < 40 && (await stage(page)) !== wanted; i++) await page.waitForTimeout(250);
  expect(await stage(page)).toBe(wanted);
}

async function recordReview(page: Page, day: string, note: string) {
  await onDay(page, day);
  await waitForStage(page, '入党积极分子');
  await shown(page.getByRole('tab', { name: '积极分子考察' })).click();
  await shown(page.locator('.form-cell__textarea textarea')).fill(note);
  await pickToday(page, '日期');
  await shown(page.locator('.form-actions').getByText('记录', { exact: true })).click();
  await shown(page.getByText(note)).waitFor();
}

describe('发展党员 in the H5 app', () => {
  it('a secretary starts the pipeline of a roster member from the list', async () => {
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('通知公告').first().waitFor();
    await secretary.clock.setFixedTime(new Date(`${APPLIED}T10:00:00+08:00`));
    await secretary.getByText('我的', { exact: true }).last().click();
    await shown(secretary.getByText('发展党员', { exact: true })).click();
    await shown(secretary.getByText('暂无入党积极分子')).waitFor();
    await shown(secretary.getByText('开始发展程序', { exact: true })).click();
    await shown(secretary.getByText('从支部名册中选择')).click();
    await shown(secretary.getByText('选择申请人')).waitFor();
    await shown(secretary.getByRole('checkbox', { name: '孙浩然' })).click();
    await screenshot(secretary, 'development-start-picker');
    await shown(secretary.getByText('确定（1）', { exact: true })).click();
    await pickToday(secretary, '申请日期');
    await shown(secretary.getByText(APPLIED)).waitFor();
    await screenshot(secretary, 'development-start-form');
    await shown(secretary.locator('.form-actions').getByText('开始', { exact: true })).click();
    await waitForStage(secretary, '申请入党');
    expect(secretary.url()).toContain('/packages/development/timeline/index?id=');
    await shown(secretary.getByText('确定为入党积极分子')).waitFor();
  }, 120_000);

  it('records 确定为入党积极分子 with two sponsors from the roster', async () => {
    await onDay(secretary, ACTIVIST);
    await waitForStage(secretary, '申请入党');
    await shown(secretary.getByText('选择两名正式党员')).click();
    await shown(secretary.getByText('选择培养联系人')).waitFor();
    await shown(secretary.getByRole('checkbox', { name: '刘洋' })).click();
    await shown(secretary.getByRole('checkbox', { name: '陈静' })).click();
    await shown(secretary.getByText('确定（2）', { exact: true })).click();
    await shown(secretary.getByText('刘洋、陈静', { exact: true })).waitFor();
    await pickToday(secretary, '日期');
    await screenshot(secretary, 'development-activist-form');
    await shown(secretary.locator('.form-actions').getByText('记录', { exact: true })).click();
    await waitForStage(secretary, '入党积极分子');
    await shown(secretary.getByText(/培养联系人 刘洋、陈静/)).waitFor();
  }, 90_000);

  it('records two 考察 notes, and is refused 列为发展对象 before the year is up, naming the rule', async () => {
    await recordReview(secretary, REVIEW_1, NOTE_1);
    await recordReview(secretary, REVIEW_2, NOTE_2);
    await shown(secretary.getByRole('tab', { name: '列为发展对象' })).click();
    await pickToday(secretary, '日期');
    await shown(secretary.locator('.form-actions').getByText('记录', { exact: true })).click();
    const refusal = shown(secretary.locator('.form-error'));
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('不符合「入党积极分子培养满一年」');
    expect(await refusal.innerText()).toContain(`${addMonths(ACTIVIST, 12)} 起方可列为发展对象`);
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(secretary, 'development-refused');
  }, 120_000);

  it('records 列为发展对象 a year on and sees the next steps with their due date', async () => {
    await onDay(secretary, CANDIDATE);
    await waitForStage(secretary, '入党积极分子');
    await shown(secretary.getByRole('tab', { name: '列为发展对象' })).click();
    await pickToday(secretary, '日期');
    await shown(secretary.locator('.form-actions').getByText('记录', { exact: true })).click();
    await waitForStage(secretary, '发展对象');
    await shown(secretary.getByText('政治审查', { exact: true })).waitFor();
    await shown(secretary.getByText('集中培训', { exact: true })).waitFor();
    expect(await secretary.getByText(`${DUE} 前完成`).filter({ visible: true }).count()).toBe(2);
    // The toast 已记录 goes after 1.5 s.
    await secretary.waitForTimeout(1800);
    await secretary.evaluate(() => window.scrollTo(0, 0));
    await screenshot(secretary, 'development-timeline-candidate');
    await secretary.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(secretary, 'development-timeline-done');
  }, 90_000);

  it('the list shows the candidate under 发展对象, and 首页 reminds of the steps due', async () => {
    await secretary.clock.setFixedTime(new Date());
    await secretary.goto(`${e2e.server.url}/#/packages/development/list/index`);
    await shown(secretary.getByRole('tab', { name: '发展对象' })).click();
    await shown(secretary.getByText('孙浩然', { exact: true })).waitFor();
    await shown(secretary.getByText(`${DUE} 前完成`)).waitFor();
    await screenshot(secretary, 'development-list');

    await secretary.goto(`${e2e.server.url}/`);
    const card = shown(secretary.getByLabel('发展党员提醒'));
    await card.waitFor();
    await card.getByText('孙浩然 · 政治审查').waitFor();
    expect(await card.getByText(new RegExp(`^${DUE} 前完成 · 还剩 \\d+ 天$`)).count()).toBe(2);
    await card.scrollIntoViewIfNeeded();
    await screenshot(secretary, 'development-home-card');
  }, 90_000);

  it('the member sees their own timeline under 我的, without the forms', async () => {
    const member = await signInAs(e2e, '孙浩然');
    await member.getByText('通知公告').first().waitFor();
    await member.getByText('我的', { exact: true }).last().click();
    await shown(member.getByText('我的入党进程')).click();
    await waitForStage(member, '发展对象');
    await shown(member.getByText(`${DUE} 前完成`)).waitFor();
    await shown(member.getByText(NOTE_1)).waitFor();
    expect(await member.getByText('记录下一步').count()).toBe(0);
    await screenshot(member, 'development-member-own');
  }, 90_000);

  it('the bureau admin sees the pipeline across branches from 首页', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    const card = shown(admin.getByLabel('局党委工作'));
    await card.waitFor();
    await card.getByText('发展党员', { exact: true }).click();
    await shown(admin.getByText('各支部人数（申请人→已转正）')).waitFor();
    const row = shown(admin.locator('.dev-table__row').filter({ hasText: '清河县第一中学' }));
    expect((await row.locator('.dev-table__num').allInnerTexts()).map((t) => t.trim())).toEqual([
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
    await screenshot(admin, 'development-pipeline');
  }, 90_000);

  for (const width of [320, 390]) {
    it(`at ${width} px the timeline and the list fit the screen`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width, height: 760 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/`);
      await page.getByLabel('以王建国的身份进入').click();
      await page.getByText('通知公告').first().waitFor();
      await page.goto(`${e2e.server.url}/#/packages/development/list/index`);
      await shown(page.getByText('暂无入党积极分子')).waitFor();
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `development-list-${width}`);
      await shown(page.getByRole('tab', { name: '发展对象' })).click();
      await shown(page.getByText('孙浩然', { exact: true })).click();
      await waitForStage(page, '发展对象');
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `development-timeline-${width}`);
      await context.close();
    }, 60_000);
  }
});
