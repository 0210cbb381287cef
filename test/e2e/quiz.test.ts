import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { QUESTION_SHEET_COLUMNS } from '@zhibu/types';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

/**
 * Quizzes end to end in the H5 app: the secretary imports a bank from .xlsx and publishes a quiz;
 * a member takes it, reloads half-way and resumes with the time left, submits and reads the
 * explanation of a wrong answer; the 错题本 holds that question; the secretary's statistics show
 * the histogram and per-question accuracy.
 */
let e2e: E2E;
let secretary: Page;
let member: Page;

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

const TITLE = '党章知识测试（第一期）';
/** Five single-choice questions; the key of each is the option 正确N. */
const QUESTIONS = [1, 2, 3, 4, 5].map((n) => ({
  stem: `第${n}题：关于党章的说法，正确的是哪一项`,
  options: [`错误${n}甲`, `正确${n}`, `错误${n}乙`, `错误${n}丙`],
  explanation: `第${n}题解析：见党章总纲`,
}));

async function sheetFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('题库');
  ws.addRow([...QUESTION_SHEET_COLUMNS]);
  for (const q of QUESTIONS) ws.addRow(['单选', q.stem, ...q.options, '', '', '', '', 'B', q.explanation, '党章', 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The H5 router keeps pages below the current one in the document, hidden: look on the one shown. */
const shown = (locator: Locator) => locator.filter({ visible: true }).first();

/** Picks the option with this text in the question whose stem this is, and waits until it is saved. */
async function choose(page: Page, stemStart: string, option: string) {
  const question = shown(page.locator('.quiz-question').filter({ hasText: stemStart }));
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/fn/quiz') && (r.request().postData() ?? '').includes('"action":"answer"'),
  );
  await question.locator('.quiz-option').filter({ hasText: option }).click();
  expect(await (await saved).json()).toMatchObject({ ok: true });
}

describe('quizzes in the H5 app', () => {
  it('the secretary imports a bank from .xlsx and publishes a quiz', async () => {
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await secretary.getByText('我的', { exact: true }).last().click();
    // 首页's quiz card has the same words: wait until 我的 is the page on show.
    await shown(secretary.getByText('本支部管理', { exact: true })).waitFor();
    await shown(secretary.getByText('理论测试', { exact: true })).click();
    await shown(secretary.getByText('新建题库', { exact: true })).waitFor();
    await shown(secretary.locator('input[placeholder="如：党章党规题库"]')).fill('一中党章题库');
    await shown(secretary.locator('.form-actions').getByText('新建题库')).click();
    await shown(secretary.getByLabel('一中党章题库')).click();
    await shown(secretary.getByText('题库还是空的')).waitFor();
    await shown(secretary.getByText('Excel 导入 / 导出')).click();
    await shown(secretary.getByText('下载导入模板')).waitFor();
    await screenshot(secretary, 'quiz-import');

    // The file input is hidden behind the button, as in the roster import.
    await secretary
      .locator('input[type=file]')
      .last()
      .setInputFiles({
        name: '党章题库.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await sheetFile(),
      });
    await shown(secretary.getByText(/检查通过/)).waitFor();
    await shown(secretary.getByText('确认导入', { exact: true })).click();
    await secretary.locator('.taro-modal__foot').getByText('导入').click();
    await shown(secretary.getByText('已导入 5 道题目')).waitFor();
    await screenshot(secretary, 'quiz-import-done');

    await secretary.goto(`${e2e.server.url}/#/packages/quiz/create/index`);
    await shown(secretary.getByText('从这些题库抽题')).waitFor();
    await shown(secretary.locator('input[placeholder="如：党章知识测试"]')).fill(TITLE);
    await shown(secretary.getByLabel('一中党章题库（5 题）')).click();
    const count = shown(secretary.locator('.form-cell').filter({ hasText: '每卷题数' }).locator('input'));
    await count.fill('5');
    const minutes = shown(secretary.locator('.form-cell').filter({ hasText: '限时（分钟）' }).locator('input'));
    await minutes.fill('10');
    await screenshot(secretary, 'quiz-create');
    await shown(secretary.locator('.form-actions').getByText('发布测试')).click();
    await shown(secretary.getByText('成绩分布（人数）')).waitFor();
    await shown(secretary.getByText(TITLE)).waitFor();
  }, 120_000);

  it('a member takes it, reloads half-way, resumes with the time left, submits and reads the explanation', async () => {
    member = await signInAs(e2e, '刘洋');
    await member.getByText('清河县第一中学党支部').first().waitFor();
    // 首页 shows the open quiz with its close time.
    await shown(member.getByText(TITLE)).waitFor();
    await shown(member.getByText(/截止/)).waitFor();
    await screenshot(member, 'quiz-home-card');
    await shown(member.getByText(TITLE)).click();
    await shown(member.getByText('开始答题', { exact: true })).click();
    await shown(member.getByRole('timer')).waitFor();

    // Question 1 wrong on purpose, question 2 right; then the page is reloaded.
    await choose(member, '第1题', '错误1甲');
    await choose(member, '第2题', '正确2');
    const before = await shown(member.locator('.quiz-timer__clock')).innerText();
    await screenshot(member, 'quiz-taking');
    await member.reload();
    await shown(member.getByRole('timer')).waitFor();
    const after = await shown(member.locator('.quiz-timer__clock')).innerText();
    const seconds = (text: string) => {
      const [m, s] = text.replace('剩余', '').trim().split(':').map(Number);
      return m! * 60 + s!;
    };
    expect(seconds(after)).toBeLessThanOrEqual(seconds(before));
    expect(seconds(after)).toBeGreaterThan(8 * 60);
    // The answers saved before the reload are still chosen.
    const first = shown(member.locator('.quiz-question').filter({ hasText: '第1题' }));
    await expect(
      first.locator('.quiz-option').filter({ hasText: '错误1甲' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await screenshot(member, 'quiz-resumed');

    for (const n of [3, 4, 5]) await choose(member, `第${n}题`, `正确${n}`);
    await shown(member.locator('.quiz-actions').getByText('交卷')).click();
    await member.locator('.taro-modal__foot').getByText('交卷').click();
    await shown(member.getByText('80 分')).waitFor();
    await shown(member.getByText('第1题解析：见党章总纲', { exact: false })).waitFor();
    await screenshot(member, 'quiz-result');
  }, 120_000);

  it('the 错题本 shows the question answered wrongly', async () => {
    await member.goto(`${e2e.server.url}/#/pages/quiz/wrong/index`);
    await shown(member.getByText(/第1题：关于党章/)).waitFor();
    await shown(member.getByText(/答错 1 次/)).waitFor();
    await screenshot(member, 'quiz-wrong-book');
  }, 60_000);

  it("the secretary's statistics show the histogram and per-question accuracy", async () => {
    await secretary.reload();
    await shown(secretary.getByLabel('成绩分布')).waitFor();
    await shown(secretary.getByLabel('80分段 1 人')).waitFor();
    await shown(secretary.getByText(/答对率 0%/)).waitFor();
    await shown(secretary.getByText(/答对率 100%/)).waitFor();
    await shown(secretary.getByText(/刘洋 · 通过/)).waitFor();
    await screenshot(secretary, 'quiz-stats');
  }, 60_000);
});
