import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';
import { callAs, DEMO } from '../support/runtime';

/**
 * 支部书记培训登记 end to end in the H5 app. The bureau has 王建国's term as secretary of
 * 清河县第一中学党支部 on record; its admin 丁慧敏 records a training under 培训登记 with 王建国
 * chosen from the branches' committees, and sees him on the training's page; 王建国 then sees his
 * count in the current term against the rule of 2 under 我的培训.
 */
let e2e: E2E;
const shown = (locator: Locator) => locator.filter({ visible: true }).first();
const beijingDay = (days: number) => new Date(Date.now() + (8 + days * 24) * 3600_000).toISOString().slice(0, 10);
const TITLE = '全县中小学党支部书记能力提升培训班';

beforeAll(async () => {
  e2e = await startE2E();
  const result = await callAs(e2e.runtime, DEMO.admin.openid, 'training', 'startTerm', {
    branchId: DEMO.secretaryA.branchId,
    secretaryId: DEMO.secretaryA.memberId,
    startDate: beijingDay(-200),
  });
  if (!result.ok) throw new Error(result.message);
}, 60_000);
afterAll(() => e2e?.close());

async function openFromMine(page: Page, cell: string) {
  await page.getByText('通知公告').first().waitFor();
  await page.getByText('我的', { exact: true }).last().click();
  await shown(page.getByText(cell, { exact: true })).click();
}

describe('支部书记培训登记 in the H5 app', () => {
  it('the bureau records a training with an attendee chosen from the committees', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    await openFromMine(admin, '培训登记');
    await shown(admin.getByText('还没有培训记录')).waitFor();
    await screenshot(admin, 'training-list-empty');
    await shown(admin.getByText('登记培训', { exact: true })).click();
    await shown(admin.locator('input[placeholder="请填写培训名称"]')).fill(TITLE);
    await shown(admin.locator('input[placeholder="请填写学时"]')).fill('16');
    const wang = shown(admin.getByRole('radio', { name: /王建国/ }));
    await wang.scrollIntoViewIfNeeded();
    await wang.click();
    await shown(admin.getByText('参加人员（已选 1 人）')).waitFor();
    await screenshot(admin, 'training-new-form');
    await shown(admin.locator('.form-actions').getByText('保存', { exact: true })).click();
    await shown(admin.getByText('参加人员 1 人')).waitFor();
    expect(admin.url()).toContain('/packages/training/detail/index?id=');
    await shown(admin.getByText('王建国', { exact: true })).waitFor();
    await shown(admin.getByText(/清河县第一中学党支部 · 登记/)).waitFor();
    await admin.waitForTimeout(1800);
    await screenshot(admin, 'training-detail');

    // The secretaries' counts: 王建国's branch now 1 of 2, 进行中.
    await admin.goBack();
    await shown(admin.getByRole('tab', { name: '书记培训情况' })).click();
    await shown(admin.getByText(/已培训 1 \/ 2 次 · 进行中，还需 1 次/)).waitFor();
    await screenshot(admin, 'training-secretaries');
  }, 120_000);

  it('the secretary sees their count in the current term under 我的培训', async () => {
    const secretary = await signInAs(e2e, '王建国');
    await openFromMine(secretary, '我的培训');
    await shown(secretary.getByText('已培训 1 次')).waitFor();
    await shown(secretary.getByText(/进行中，还需 1 次/)).waitFor();
    await shown(secretary.getByText(TITLE)).waitFor();
    await screenshot(secretary, 'training-mine');
  }, 90_000);
});
