import type { Locator, Page } from 'playwright-core';
import type { ReviewGrade } from '@zhibu/types';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';
import { callAs } from '../support/runtime';

/**
 * 民主评议党员 end to end in the H5 app, in 清河县第一中学党支部 (12 full and probationary members;
 * 吴磊 and 孙浩然 are not reviewed). 王建国 (secretary) opens the year's review; 刘洋 finds it on
 * 首页, writes his 自评 and rates two colleagues with the large buttons. The other members' 自评 and
 * votes go through the function directly (the same calls the page makes). 王建国 sees the progress
 * as counts, ends the rating, gives a committee rating on the worksheet and publishes; 刘洋 sees the
 * 公示 and his own result; the bureau admin sees the 不合格 with its reason.
 */
let e2e: E2E;
let secretary: Page;
let member: Page;
let reviewId = '';

const shown = (locator: Locator) => locator.filter({ visible: true }).first();
const openid = (n: number) => `demo_b-qhyz-${String(n).padStart(2, '0')}`;
const memberId = (n: number) => `b-qhyz-${String(n).padStart(2, '0')}`;
/** The reviewed, by roster number; 14 (朱光明) has not bound WeChat and rates nobody. */
const REVIEWED = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14];
const RATERS = REVIEWED.filter((n) => n !== 14);
const SELF =
  '本年度认真学习党的创新理论，按时参加组织生活，完成教学任务，积极参加志愿服务，今后在带头攻坚方面继续努力。';
/** Designed votes: 陈静 (05) 优秀 from all, 马红梅 (13) 不合格 from all, everyone else 合格. */
const gradeFor = (ratee: number): ReviewGrade => (ratee === 5 ? '优秀' : ratee === 13 ? '不合格' : '合格');

async function call<T>(caller: number | string, action: string, data?: unknown): Promise<T> {
  const result = await callAs<T>(
    e2e.runtime,
    typeof caller === 'number' ? openid(caller) : caller,
    'review',
    action,
    data,
  );
  if (!result.ok) throw new Error(`review.${action}: ${result.code} ${result.message}`);
  return result.data;
}

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

async function confirmDialog(page: Page, button: string) {
  await shown(page.getByText(button, { exact: true })).click();
  await page.waitForTimeout(400);
}

describe('民主评议党员 in the H5 app', () => {
  it('the secretary opens the year’s review', async () => {
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('通知公告').first().waitFor();
    await secretary.getByText('我的', { exact: true }).last().click();
    // 本支部管理's entry (我的记录 has the member's own one).
    await shown(secretary.getByText('开启、进度、评定、公示', { exact: true })).click();
    await shown(secretary.getByText('开启年度民主评议')).waitFor();
    const min = shown(secretary.locator('input[placeholder="请填写自评最少字数"]'));
    await min.fill('20');
    await screenshot(secretary, 'review-open-form');
    await shown(secretary.locator('.form-actions').getByText('开启评议', { exact: true })).click();
    await confirmDialog(secretary, '确定');
    await shown(secretary.getByLabel('评议进度')).waitFor();
    expect(await shown(secretary.getByLabel('评议进度')).innerText()).toContain('0/12');
    reviewId = (await call<{ review: { reviewId: string } }>(1, 'mine')).review.reviewId;
    expect(reviewId).toMatch(/^rv_b-qhyz_\d{4}$/);
  }, 120_000);

  it('a member finds it on 首页, writes a 自评 and rates two colleagues anonymously', async () => {
    member = await signInAs(e2e, '刘洋');
    const card = shown(member.getByLabel('民主评议党员'));
    await card.waitFor();
    expect(await card.innerText()).toContain('已评 0 / 11 人');
    await screenshot(member, 'review-home-card');
    await shown(card.getByText('去评议')).click();
    await shown(member.getByText('我的自评')).waitFor();
    await shown(member.locator('.form-cell__textarea textarea')).fill(SELF);
    await shown(member.locator('.form-actions').getByText('提交自评', { exact: true })).click();
    await shown(member.getByText('自评已提交')).waitFor();
    for (const [name, grade] of [
      ['王建国', '优秀'],
      ['陈静', '优秀'],
    ] as const) {
      const row = shown(member.getByLabel(`评议 ${name}`));
      await row.getByText(grade, { exact: true }).click();
      await confirmDialog(member, '提交');
      await row.getByText('已评').waitFor();
    }
    await shown(member.getByText('已评 2 / 11 人', { exact: false })).waitFor();
    await shown(member.getByLabel('评议 张伟')).scrollIntoViewIfNeeded();
    await screenshot(member, 'review-rating');
  }, 120_000);

  it('the others’ 自评 and votes come in; the secretary sees counts only', async () => {
    for (const rater of RATERS) {
      if (rater !== 4) await call(rater, 'selfAssess', { reviewId, text: SELF });
      for (const ratee of REVIEWED) {
        if (ratee === rater || (rater === 4 && (ratee === 1 || ratee === 5))) continue;
        await call(rater, 'rate', { reviewId, memberId: memberId(ratee), grade: gradeFor(ratee) });
      }
    }
    await secretary.reload();
    const progress = shown(secretary.getByLabel('评议进度'));
    await progress.waitFor();
    const text = await progress.innerText();
    expect(text).toContain('11/12'); // 自评
    expect(text).toContain(`${RATERS.length * 11}/132`); // votes: 11 raters × 11 others
    await screenshot(secretary, 'review-progress');
  }, 120_000);

  it('the secretary ends the rating, rates on the worksheet and publishes', async () => {
    await shown(secretary.locator('.form-actions').getByText('结束评价', { exact: true })).click();
    await confirmDialog(secretary, '确定');
    const card = shown(secretary.getByLabel('评定 陈静'));
    await card.waitFor();
    expect(await card.innerText()).toContain('优秀 10'); // from the 10 raters other than herself
    // Everyone but 陈静 through the function; 马红梅's 不合格 with its reason.
    for (const n of REVIEWED.filter((x) => x !== 5)) {
      await call(2, 'committeeRate', {
        reviewId,
        memberId: memberId(n),
        grade: n === 13 ? '不合格' : '合格',
        ...(n === 13 ? { reason: '全年多次无故不参加组织生活，经批评教育仍未改正' } : {}),
      });
    }
    await secretary.reload();
    const chen = shown(secretary.getByLabel('评定 陈静'));
    await chen.waitFor();
    await chen.locator('.rv-grades').first().getByText('优秀', { exact: true }).click();
    await chen.getByText('保存评定', { exact: true }).click();
    await shown(secretary.getByText(/综合 100 分 · 计算结果 优秀 · 最终 优秀/)).waitFor();
    await chen.scrollIntoViewIfNeeded();
    await screenshot(secretary, 'review-worksheet');
    await shown(secretary.locator('.form-actions').getByText('公示评议结果', { exact: true })).click();
    await confirmDialog(secretary, '确定');
    await shown(secretary.getByText('已公示', { exact: true })).waitFor();
    await shown(secretary.getByText('评议结果公示', { exact: true })).click();
    await shown(secretary.getByText('公示名单')).waitFor();
    await screenshot(secretary, 'review-published');
  }, 120_000);

  it('the member sees the 公示 and their own result only', async () => {
    await member.goto(`${e2e.server.url}/#/packages/review/results/index?id=${reviewId}`);
    await shown(member.getByText('我的评议结果（仅本人可见）')).waitFor();
    const own = await shown(member.getByText('我的评议结果（仅本人可见）').locator('..')).innerText();
    expect(own).toContain('合格 10');
    await shown(member.getByText('马红梅')).waitFor();
    const page = await member.locator('body').innerText();
    // The reason of another member's 不合格 goes to the bureau, not to the branch's 公示.
    expect(page).not.toContain('无故不参加组织生活');
    await screenshot(member, 'review-results-member');
  }, 90_000);

  it('the bureau sees the 不合格 with its reason', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    await admin.getByText('我的', { exact: true }).last().click();
    await shown(admin.getByText('评议不合格党员', { exact: true })).click();
    await shown(admin.getByText('马红梅')).waitFor();
    await shown(admin.getByText(/理由：全年多次无故不参加组织生活/)).waitFor();
    await screenshot(admin, 'review-bureau-failing');
    // The bureau's weights and cap, read back as the defaults.
    await admin.goBack();
    await shown(admin.getByText('民主评议设置', { exact: true })).click();
    const cap = shown(admin.locator('input[placeholder="请填写优秀比例上限 %"]'));
    await cap.waitFor();
    expect(await cap.inputValue()).toBe('30');
    await screenshot(admin, 'review-settings');
  }, 90_000);
});
