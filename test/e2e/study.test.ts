import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

/**
 * Study end to end: the secretary sets a task that needs a 200-character reflection, a member
 * writes 50 characters and sees how many are left, then submits 200; the secretary sees 已完成 1,
 * reads the reflection and comments; the member sees the comment.
 */
let e2e: E2E;
let secretary: Page;
let member: Page;
let taskUrl: string;

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

const TITLE = '学习党的二十届四中全会精神';
const FIFTY = '通过认真学习全会精神，我深刻认识到教育强国建设的重要意义，作为一名人民教师，我要立足岗位、潜心育人。';
const REFLECTION = `${FIFTY}${'我将把学习成果转化为教书育人的实际行动，'.repeat(7)}办好人民满意的教育。`;
const COMMENT = '联系教学实际，体会深刻，评为优秀。';

/** The H5 router keeps earlier pages in the document, hidden: look on the page on screen. */
const shown = (locator: Locator) => locator.filter({ visible: true }).first();

async function openStudyTab(page: Page) {
  await page.getByText('学习', { exact: true }).last().click();
  await shown(page.getByText('我的学习笔记')).waitFor();
}

describe('study tasks and reflections in the H5 app', () => {
  it('the secretary sets a task that needs a 200-character reflection', async () => {
    expect([...FIFTY].length).toBe(50);
    expect([...REFLECTION].length).toBe(200);
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await openStudyTab(secretary);
    await shown(secretary.getByText('没有待完成的学习任务')).waitFor();
    await screenshot(secretary, 'study-list-empty');

    await shown(secretary.getByText('布置学习任务', { exact: true })).click();
    await shown(secretary.getByText('要求写心得体会')).waitFor();
    await shown(secretary.locator('input[placeholder="例如：学习党的二十届四中全会精神"]')).fill(TITLE);
    await shown(secretary.locator('.study-form__field textarea').first()).fill(
      '请认真学习全会公报全文，结合本职工作写出心得体会。',
    );
    await expect(shown(secretary.locator('.study-form__field input[type="number"]')).inputValue()).resolves.toBe('200');
    // A file for the material, into the branch's study folder, as notices take them.
    const chooser = secretary.waitForEvent('filechooser');
    await shown(secretary.getByText('添加附件', { exact: true })).click();
    await (
      await chooser
    ).setFiles({ name: '党课讲稿.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await shown(secretary.getByText('党课讲稿.pdf')).waitFor();
    await secretary.getByText(/正在上传/).waitFor({ state: 'hidden', timeout: 15_000 });
    await shown(secretary.getByRole('radio', { name: '支部全体党员' })).waitFor();
    await screenshot(secretary, 'study-form');
    await shown(secretary.getByText('发布', { exact: true })).click();
    await shown(secretary.getByText('学习材料', { exact: true })).waitFor();
    await shown(secretary.getByText(TITLE)).waitFor();
    taskUrl = secretary.url();
    expect(taskUrl).toMatch(/pages\/study\/task\/index\?id=t[0-9a-f]+/);
    await screenshot(secretary, 'study-task-secretary');
  }, 90_000);

  it('the member sees it on the home page with the days left, writes 50 characters, then 200', async () => {
    member = await signInAs(e2e, '刘洋');
    await member.getByText('待完成的学习').waitFor();
    await member.getByText(TITLE).first().waitFor();
    await member.getByText('还剩 7 天').first().waitFor();
    await screenshot(member, 'study-home-card');

    await openStudyTab(member);
    await shown(member.getByLabel(TITLE)).click();
    const box = shown(member.locator('.study-reflection__box textarea'));
    await box.waitFor();
    // The material's file opens from the task page: a download in H5.
    const download = member.waitForEvent('download');
    await shown(member.getByText('党课讲稿.pdf')).click();
    expect((await download).suggestedFilename()).toBe('党课讲稿.pdf');
    await box.fill(FIFTY);
    await shown(member.getByText('已写 50 字，还差 150 字')).waitFor();
    await screenshot(member, 'study-reflection-50');

    await box.fill(REFLECTION);
    await shown(member.getByText('已写 200 字', { exact: true })).waitFor();
    await shown(member.getByText('提交心得，完成学习', { exact: true })).click();
    await shown(member.getByText('我的学习')).waitFor();
    await shown(member.getByText(REFLECTION)).waitFor();
    await screenshot(member, 'study-done');
  }, 90_000);

  it('the secretary sees 已完成 1, reads the reflection and comments', async () => {
    await secretary.goto(taskUrl);
    await secretary.reload();
    await shown(secretary.getByText('学习进度', { exact: true })).click();
    const counts = shown(secretary.getByLabel('学习进度'));
    await counts.waitFor();
    await expect(counts.locator('.study-counts__number').nth(1).textContent()).resolves.toBe('1');
    await expect(counts.locator('.study-counts__number').nth(0).textContent()).resolves.toBe('14');
    await screenshot(secretary, 'study-progress');

    await shown(secretary.locator('.study-person').filter({ hasText: '刘洋' })).click();
    await shown(secretary.getByText('刘洋的心得体会')).waitFor();
    await shown(secretary.getByText(REFLECTION)).waitFor();
    await shown(secretary.locator('.study-reflection__box textarea')).fill(COMMENT);
    await shown(secretary.locator('.study-section taro-switch-core, .study-section .weui-switch')).click();
    await screenshot(secretary, 'study-comment');
    await shown(secretary.getByText('保存点评', { exact: true })).click();
    await shown(secretary.getByText('点评已保存')).waitFor();
  }, 90_000);

  it('the member sees the comment and the 优秀 mark', async () => {
    await member.reload();
    await shown(member.getByText(COMMENT)).waitFor();
    await shown(member.getByText('优秀心得 · 已在支部分享')).waitFor();
    await screenshot(member, 'study-commented');
  }, 60_000);

  for (const width of [320, 390]) {
    it(`at ${width} px the task form with chosen members fits the screen`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width, height: 760 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/`);
      await page.getByLabel('以王建国的身份进入').click();
      await page.getByText('清河县第一中学党支部').first().waitFor();
      await page.goto(`${e2e.server.url}/#/packages/study/edit/index`);
      await shown(page.getByRole('radio', { name: '指定党员' })).click();
      await shown(page.getByRole('checkbox', { name: '陈静' })).click();
      await shown(page.getByRole('checkbox', { name: '杨帆' })).click();
      await shown(page.getByText('确定（2）', { exact: true })).click();
      await shown(page.getByText('陈静、杨帆 ›')).waitFor();
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `study-form-members-${width}`);
      await context.close();
    }, 60_000);
  }
});
