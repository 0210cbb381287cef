import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

/**
 * 组织关系转接 end to end in the H5 app. 王建国, secretary of 清河县第一中学党支部, opens 马红梅 in
 * his roster and transfers her to 清河县实验小学党支部; the transfer waits under 已发出. 何玉兰, that
 * branch's secretary, sees it on 首页, opens 待接收 with its waiting days and accepts it; 马红梅 is
 * then on her roster, and the transfer is under 已完成 for both.
 */
let e2e: E2E;

const shown = (locator: Locator) => locator.filter({ visible: true }).first();

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

async function openMine(page: Page) {
  await page.getByText('通知公告').first().waitFor();
  await page.getByText('我的', { exact: true }).last().click();
}

describe('组织关系转接 in the H5 app', () => {
  let sender: Page;

  it('a secretary starts a transfer from a member’s page in the roster', async () => {
    sender = await signInAs(e2e, '王建国');
    await openMine(sender);
    await shown(sender.getByText('支部党员名册', { exact: true })).click();
    await shown(sender.getByText('马红梅', { exact: true })).click();
    await shown(sender.getByText('组织关系转出', { exact: true })).click();
    await shown(sender.getByText('为 马红梅 办理组织关系转出')).waitFor();
    await shown(sender.locator('.form-cell').filter({ hasText: '查找支部' }).locator('input')).fill('实验小学');
    await shown(sender.getByLabel('接收支部', { exact: true })).click();
    await shown(sender.locator('.weui-picker__action').filter({ hasText: '确定' })).click();
    await shown(sender.getByText('清河县实验小学党支部', { exact: true })).waitFor();
    await sender.waitForTimeout(400);
    await screenshot(sender, 'transfer-start-form');
    await shown(sender.locator('.form-actions').getByText('发出转接', { exact: true })).click();
    await sender.locator('.taro-modal__foot').getByText('确认').click();
    // The list opens on 已发出: the transfer waits for the other branch, sent today.
    const card = shown(sender.locator('.transfer-card').filter({ hasText: '马红梅' }));
    await card.waitFor();
    expect(await card.innerText()).toContain('清河县第一中学党支部 → 清河县实验小学党支部');
    expect(await card.innerText()).toContain('今天发出');
    expect(await card.innerText()).toContain('待接收');
    // The sender cannot accept it.
    expect(await card.getByText('接收', { exact: true }).count()).toBe(0);
    await sender.waitForTimeout(700);
    await screenshot(sender, 'transfer-sent');
  }, 120_000);

  it('the receiving secretary sees it on 首页 and accepts it', async () => {
    const receiver = await signInAs(e2e, '何玉兰');
    const homeCard = shown(receiver.locator('.home-card').filter({ hasText: '组织关系转接' }));
    await homeCard.waitFor();
    expect(await homeCard.innerText()).toContain('1 人的组织关系待接收');
    await homeCard.scrollIntoViewIfNeeded();
    await receiver.waitForTimeout(700);
    await screenshot(receiver, 'transfer-home-card');
    await shown(homeCard.getByText('去办理')).click();
    const card = shown(receiver.locator('.transfer-card').filter({ hasText: '马红梅' }));
    await card.waitFor();
    expect(await card.innerText()).toContain('今天发出');
    await receiver.waitForTimeout(700);
    await screenshot(receiver, 'transfer-incoming');
    await card.getByText('接收', { exact: true }).click();
    await shown(receiver.getByText('没有等待本支部接收的党员')).waitFor();
    await shown(receiver.getByRole('tab', { name: '已完成' })).click();
    const done = shown(receiver.locator('.transfer-card').filter({ hasText: '马红梅' }));
    await done.waitFor();
    expect(await done.innerText()).toContain('已接收');
    // The 已接收 toast gone, so the screenshot shows the list.
    await receiver.waitForTimeout(2000);
    await screenshot(receiver, 'transfer-accepted');

    // She is on the receiving roster now.
    await receiver.goBack();
    await openMine(receiver);
    await shown(receiver.getByText('支部党员名册', { exact: true })).click();
    await shown(receiver.getByText('马红梅', { exact: true })).waitFor();
  }, 120_000);

  it('the sender finds it under 已完成, and 马红梅 is no longer on his roster', async () => {
    await sender.reload();
    await shown(sender.getByRole('tab', { name: '已完成' })).click();
    const done = shown(sender.locator('.transfer-card').filter({ hasText: '马红梅' }));
    await done.waitFor();
    expect(await done.innerText()).toContain('已接收');
    expect(await done.innerText()).toContain('何玉兰已接收');
    await sender.goto(`${e2e.server.url}/`);
    await openMine(sender);
    await shown(sender.getByText('支部党员名册', { exact: true })).click();
    await shown(sender.getByText('刘洋', { exact: true })).waitFor();
    expect(await sender.getByText('马红梅', { exact: true }).filter({ visible: true }).count()).toBe(0);
  }, 90_000);

  it('out of the bureau: the destination, the letter and the date, done at once and listed as 已转出', async () => {
    await shown(sender.getByText('朱光明', { exact: true })).click();
    await shown(sender.getByText('组织关系转出', { exact: true })).click();
    await shown(sender.getByText('转出本局（外县、升学等）')).click();
    const field = (label: string) => shown(sender.locator('.form-cell').filter({ hasText: label }).locator('input'));
    await field('转往单位').fill('邻县第二中学党支部');
    await field('介绍信编号').fill('清教组〔2026〕第15号');
    await sender.waitForTimeout(400);
    await screenshot(sender, 'transfer-out-form');
    await shown(sender.locator('.form-actions').getByText('确认转出', { exact: true })).click();
    await sender.locator('.taro-modal__foot').getByText('确认').click();
    const card = shown(sender.locator('.transfer-card').filter({ hasText: '朱光明' }));
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('已转出');
    expect(text).toContain('局外：邻县第二中学党支部');
    expect(text).toContain('介绍信：清教组〔2026〕第15号');
    await sender.waitForTimeout(2000);
    await screenshot(sender, 'transfer-out-done');
  }, 90_000);
});
