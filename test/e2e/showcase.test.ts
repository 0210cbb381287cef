import type { Page } from 'playwright-core';
import { newContext, screenshot } from '../support/browser';
import { startE2E, type E2E } from '../support/e2e';
import { seedShowcase } from '../../emulator/seed/showcase';

/**
 * What a newcomer sees after `npm start`: the demo county with the showcase records of 党费,
 * 书记培训登记, 组织关系转接, 民主评议 and 述职评议, opened as a member, a secretary and the bureau
 * admin on a 390 px phone. Each page shows its seeded records and nothing spills off the screen.
 */
let e2e: E2E;
const WIDTH = 390;
const LAST_YEAR = `${Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1} 年度`;

beforeAll(async () => {
  e2e = await startE2E();
  await seedShowcase(e2e.runtime);
}, 90_000);
afterAll(() => e2e?.close());

async function signIn(name: string): Promise<Page> {
  const context = await newContext(e2e.browser, {
    viewport: { width: WIDTH, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/`);
  await page.getByText('选择演示用户').waitFor();
  await page.getByLabel(`以${name}的身份进入`).click();
  await page.getByText('通知公告').first().waitFor();
  return page;
}

async function visit(page: Page, route: string, name: string, shows: string, tab?: string): Promise<void> {
  await page.goto(`${e2e.server.url}/#/${route}`);
  if (tab) await page.getByRole('tab', { name: tab }).filter({ visible: true }).first().click();
  await page.getByText(shows).filter({ visible: true }).first().waitFor();
  await screenshot(page, `showcase-${name}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

describe('the demo county shows each later system at work', () => {
  it('as a member', async () => {
    const page = await signIn('刘洋');
    await visit(page, 'packages/dues/mine/index', 'member-dues', '没有欠缴的月份');
    await visit(page, 'packages/dues/board/index', 'member-dues-board', '王建国');
    await visit(page, 'packages/review/home/index', 'member-review', `${LAST_YEAR}民主评议党员`);
    await visit(page, 'packages/review/results/index?id=rv_b-qhyz_2025', 'member-review-results', '公示名单');
    await visit(page, 'packages/appraisal/mine/index', 'member-appraisal', '已结束', LAST_YEAR);
    const open = await signIn('林小燕');
    await visit(open, 'packages/review/home/index', 'member-review-open', '提交自评');
  }, 180_000);

  it('as a secretary', async () => {
    const page = await signIn('王建国');
    await visit(page, 'packages/transfer/list/index', 'secretary-transfer', '郑红霞');
    await visit(page, 'packages/dues/manage/index', 'secretary-dues', '欠缴 2 个月');
    await visit(page, 'packages/dues/member/index?id=b-qhyz-03', 'secretary-dues-member', '欠缴');
    await visit(page, 'packages/training/mine/index', 'secretary-training', '已培训 1 次');
    await visit(page, 'packages/review/manage/index', 'secretary-review', `${LAST_YEAR}民主评议党员`);
    await visit(page, 'packages/appraisal/mine/index', 'secretary-appraisal', '已结束', LAST_YEAR);
  }, 180_000);

  it('as the bureau admin', async () => {
    const page = await signIn('丁慧敏');
    await visit(page, 'packages/dues/bureau/index', 'admin-dues', '清河县第一中学党支部');
    await visit(page, 'packages/training/list/index', 'admin-training', '全县中小学党支部书记示范培训班');
    await visit(
      page,
      'packages/training/list/index',
      'admin-training-secretaries',
      '进行中，还需 1 次',
      '书记培训情况',
    );
    await visit(page, 'packages/training/terms/index?branchId=b-qhyz', 'admin-training-terms', '历届任期');
    await visit(page, 'packages/transfer/list/index', 'admin-transfer', '郑红霞');
    await visit(page, 'packages/appraisal/bureau/index', 'admin-appraisal', '王建国', LAST_YEAR);
  }, 180_000);
});
