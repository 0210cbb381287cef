import type { Locator, Page } from 'playwright-core';
import { newContext, screenshot } from '../support/browser';
import { startE2E, type E2E } from '../support/e2e';

/**
 * 述职评议 end to end in the H5 app, on a 390 px phone. The bureau admin 丁慧敏 opens the year's
 * round; 王建国, secretary of 清河县第一中学党支部, writes his 述职 with a file and makes two teacher
 * codes; 刘洋, a member of his branch, reads it and rates it 好; a teacher who signs in as nobody
 * enters a code, reads the 述职 and rates it 较好; the code is then spent. The bureau ends the round
 * and sees the members' and the teachers' grades separately, without who gave which.
 */
let e2e: E2E;
let admin: Page;
let secretary: Page;
let codes: string[] = [];

const WIDTH = 390;
const REPORT =
  '一年来，支部坚持“三会一课”制度，组织主题党日十二次，开展师德师风专题学习。\n下一步将继续抓好党员教育管理。';

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

/** The H5 router keeps earlier pages in the document, hidden: look on the one on screen. */
const shown = (locator: Locator) => locator.filter({ visible: true }).first();

async function phone(): Promise<Page> {
  const context = await newContext(e2e.browser, {
    viewport: { width: WIDTH, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/`);
  await page.getByText('选择演示用户').waitFor();
  return page;
}

async function signIn(name: string): Promise<Page> {
  const page = await phone();
  await page.getByLabel(`以${name}的身份进入`).click();
  await page.getByText('通知公告').first().waitFor();
  return page;
}

/** From 首页 to a cell of 我的. */
async function openFromMine(page: Page, label: string) {
  await page.getByText('我的', { exact: true }).last().click();
  await shown(page.getByText(label, { exact: true })).click();
}

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

describe('述职评议 in the H5 app', () => {
  it('the bureau opens the year’s round over every secretary', async () => {
    admin = await signIn('丁慧敏');
    await openFromMine(admin, '述职评议管理');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await shown(admin.getByText(`开启 ${year} 年度支部书记述职评议`)).waitFor();
    await fitsTheScreen(admin);
    await screenshot(admin, 'appraisal-bureau-open');
    await shown(admin.locator('.form-actions').getByText('开启述职评议')).click();
    await shown(admin.getByText('各支部书记')).waitFor();
    await shown(admin.locator('.appraisal-row').filter({ hasText: '王建国' })).waitFor();
    expect(await shown(admin.locator('.cell').filter({ hasText: '状态' })).innerText()).toContain('进行中');
    await admin.waitForTimeout(1800);
    await screenshot(admin, 'appraisal-bureau-progress');
  }, 90_000);

  it('a secretary writes his 述职 with a file and makes two teacher codes', async () => {
    secretary = await signIn('王建国');
    await openFromMine(secretary, '书记述职评议');
    await shown(secretary.getByText('我的述职')).waitFor();
    await shown(secretary.locator('.form-cell__textarea textarea')).fill(REPORT);
    const chooser = secretary.waitForEvent('filechooser');
    await shown(secretary.getByText('添加附件', { exact: true })).click();
    await (
      await chooser
    ).setFiles({ name: '述职报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await shown(secretary.getByText('述职报告.pdf')).waitFor();
    await secretary.getByText(/正在上传/).waitFor({ state: 'hidden', timeout: 15_000 });
    await shown(secretary.locator('.form-actions').getByText('提交述职')).click();
    await shown(secretary.locator('.form-actions').getByText('更新述职')).waitFor();
    expect(await shown(secretary.locator('.cell').filter({ hasText: '状态' }).last()).innerText()).toContain('已提交');

    await shown(secretary.locator('input[placeholder="请填写生成数量"]')).fill('2');
    await shown(secretary.locator('.form-actions').getByText('生成评价码')).click();
    await shown(secretary.locator('.appraisal-code')).waitFor();
    codes = (await secretary.locator('.appraisal-code').filter({ visible: true }).allInnerTexts()).map((c) => c.trim());
    expect(codes).toHaveLength(2);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await shown(secretary.getByText(/已发评价码 2 个/)).waitFor();
    await fitsTheScreen(secretary);
    await secretary.waitForTimeout(1800);
    await shown(secretary.getByText('评议时间')).scrollIntoViewIfNeeded();
    await screenshot(secretary, 'appraisal-secretary-top');
    await shown(secretary.locator('.appraisal-codes')).scrollIntoViewIfNeeded();
    await screenshot(secretary, 'appraisal-secretary-codes');
  }, 90_000);

  it('a member of his branch reads the 述职 and rates it with one of four large buttons', async () => {
    const member = await signIn('刘洋');
    await openFromMine(member, '书记述职评议');
    await shown(member.getByText('本支部书记述职')).waitFor();
    await shown(member.getByText(/师德师风专题学习/)).waitFor();
    await shown(member.getByText('述职报告.pdf')).waitFor();
    const buttons = member.locator('.appraisal-grade').filter({ visible: true });
    expect(await buttons.allInnerTexts()).toEqual(['好', '较好', '一般', '差']);
    for (const box of await Promise.all((await buttons.all()).map((b) => b.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(56);
      expect(box!.width).toBeGreaterThanOrEqual(150);
    }
    await fitsTheScreen(member);
    await shown(member.locator('.appraisal-grades')).scrollIntoViewIfNeeded();
    await screenshot(member, 'appraisal-member-read');
    await buttons.filter({ hasText: /^好$/ }).click();
    await shown(member.locator('.taro-modal__foot').getByText('提交')).click();
    await shown(member.getByText(/您已评价，感谢参与/)).waitFor();
    expect(await member.locator('.appraisal-grade').filter({ visible: true }).count()).toBe(0);
    await member.waitForTimeout(1800);
    await screenshot(member, 'appraisal-member-done');
  }, 90_000);

  it('a teacher who is no member enters a code, reads the 述职, then grades it; the code is then spent', async () => {
    const teacher = await phone();
    await teacher.getByText('我是教师，使用评价码评价书记述职').click();
    await shown(teacher.getByText('教师评价书记述职')).waitFor();
    await fitsTheScreen(teacher);
    await screenshot(teacher, 'appraisal-teacher-code');

    const input = shown(teacher.locator('input[placeholder="XXXX-XXXX-XXXX"]'));
    // A code that was never issued is refused where it was typed.
    await input.fill('zzzz zzzz zzzy');
    expect(await input.inputValue()).toBe('ZZZZ-ZZZZ-ZZZY');
    await shown(teacher.getByText('查看述职', { exact: true })).click();
    await shown(teacher.getByText('评价码无效，请核对后重新输入')).waitFor();
    await screenshot(teacher, 'appraisal-teacher-wrong-code');

    await input.fill(codes[0]!.toLowerCase());
    await shown(teacher.getByText('查看述职', { exact: true })).click();
    await shown(teacher.getByText('清河县第一中学党支部', { exact: true })).waitFor();
    await shown(teacher.getByText('王建国', { exact: true })).waitFor();
    await shown(teacher.getByText(/师德师风专题学习/)).waitFor();
    await shown(teacher.getByText('述职报告.pdf')).waitFor();
    await fitsTheScreen(teacher);
    await screenshot(teacher, 'appraisal-teacher-read');
    await shown(teacher.locator('.appraisal-grades')).scrollIntoViewIfNeeded();
    await screenshot(teacher, 'appraisal-teacher-grades');

    await shown(teacher.locator('.appraisal-grade').filter({ hasText: '较好' })).click();
    await shown(teacher.locator('.taro-modal__foot').getByText('提交')).click();
    await shown(teacher.getByText('评价已提交', { exact: true })).waitFor();
    await shown(teacher.getByText(/清河县第一中学党支部书记王建国述职的评价为「较好」/)).waitFor();
    await screenshot(teacher, 'appraisal-teacher-done');

    // The same code again: spent.
    await teacher.goto(`${e2e.server.url}/#/packages/appraisal/teacher/index`);
    const again = shown(teacher.locator('input[placeholder="XXXX-XXXX-XXXX"]'));
    await again.fill(codes[0]!);
    await shown(teacher.getByText('查看述职', { exact: true })).click();
    await shown(teacher.getByText(/该评价码已经使用过/)).waitFor();
  }, 90_000);

  it('the bureau ends the round and sees members’ and teachers’ grades separately', async () => {
    await admin.reload();
    const row = shown(admin.locator('.appraisal-row').filter({ hasText: '清河县第一中学党支部' }));
    await row.waitFor();
    expect(await row.innerText()).toContain('已提交述职');
    expect(await row.innerText()).toMatch(/党员已评 1\/\d+ · 教师已评 1/);
    expect(await row.locator('.grade-table').count()).toBe(0);
    await shown(admin.locator('.form-actions').getByText('结束评议')).click();
    await shown(admin.locator('.taro-modal__foot').getByText('确定')).click();
    await shown(admin.getByText('导出结果 .xlsx')).waitFor();
    expect(await shown(admin.locator('.cell').filter({ hasText: '状态' })).innerText()).toContain('已结束');
    const counts = (who: string) => row.getByLabel(`${who}评价`).locator('.grade-table__count').allInnerTexts();
    expect(await counts('党员')).toEqual(['1', '0', '0', '0']);
    expect(await counts('教师')).toEqual(['0', '1', '0', '0']);
    expect(await row.getByLabel('党员评价').innerText()).toContain('100%');
    expect(await row.innerText()).not.toContain('刘洋');
    await fitsTheScreen(admin);
    await screenshot(admin, 'appraisal-bureau-result');
    await row.scrollIntoViewIfNeeded();
    await screenshot(admin, 'appraisal-bureau-result-row');
  }, 90_000);

  it('the secretary sees his own aggregate once the round has ended, and his 述职 can no longer be changed', async () => {
    await secretary.reload();
    await shown(secretary.getByText('评价结果', { exact: true })).waitFor();
    expect(await shown(secretary.getByLabel('教师评价')).locator('.grade-table__count').allInnerTexts()).toEqual([
      '0',
      '1',
      '0',
      '0',
    ]);
    expect(await secretary.locator('.form-cell__textarea').filter({ visible: true }).count()).toBe(0);
    expect(await secretary.getByText('生成评价码').filter({ visible: true }).count()).toBe(0);
    await shown(secretary.getByText(/师德师风专题学习/)).waitFor();
    await fitsTheScreen(secretary);
    await screenshot(secretary, 'appraisal-secretary-result');
  }, 60_000);
});
