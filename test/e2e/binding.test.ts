import type { Page } from 'playwright-core';
import { phonePage, screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

/** Opens a page of the app by its route, in the same tab (the token stays in local storage). */
async function openRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${e2e.server.url}/#/${route}`);
  await page.reload();
}

/** The invite code exactly as the secretary's screen shows it (two groups of four). */
async function readInviteCode(page: Page): Promise<string> {
  const shown = page.locator('.invite-card__code');
  await shown.waitFor();
  return ((await shown.textContent()) ?? '').replace(/\s+/g, '');
}

describe('binding a new WeChat user with an invite code', () => {
  let code = '';
  let secretary: Page;

  it('a secretary opens the roster, picks the unbound 朱光明 and shows an invite code', async () => {
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await secretary.getByText('我的', { exact: true }).last().click();
    await secretary.getByText('支部党员名册').click();
    const row = secretary.getByLabel('朱光明', { exact: true });
    await row.waitFor();
    await row.getByText('未绑定').waitFor();
    await row.scrollIntoViewIfNeeded();
    await screenshot(secretary, 'roster-secretary');

    await row.click();
    await secretary.getByText('生成邀请码').click();
    code = await readInviteCode(secretary);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    await secretary.getByLabel('邀请二维码').waitFor();
    await secretary.getByText('邀请 朱光明 绑定微信').waitFor();
    await screenshot(secretary, 'invite');
  }, 90_000);

  it('a new WeChat user enters the code and sees their name and branch', async () => {
    const page = await phonePage(e2e.browser);
    await page.goto(`${e2e.server.url}/`);
    await page.getByText('选择演示用户').waitFor();
    await page.getByLabel('以新微信用户身份进入（未绑定）').click();
    const input = page.locator('input[placeholder="请输入 8 位邀请码"]');
    await input.waitFor();
    await screenshot(page, 'bind');

    // Typed as a member might: lower case, with a space in the middle.
    await input.fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
    await page.getByText('绑定', { exact: true }).click();
    await page.getByText('绑定成功').waitFor();
    await page.getByText('朱光明').first().waitFor();
    await page.getByText('清河县第一中学党支部').first().waitFor();
    await screenshot(page, 'bind-success');

    await page.getByText('进入支部通').click();
    await page.getByText('您好，').waitFor();
    await page.getByText('朱光明').first().waitFor();
    await page.close();
  }, 90_000);

  it('the same code cannot be used twice', async () => {
    const page = await phonePage(e2e.browser);
    await page.goto(`${e2e.server.url}/`);
    await page.getByLabel('以新微信用户身份进入（未绑定）').click();
    const input = page.locator('input[placeholder="请输入 8 位邀请码"]');
    await input.fill(code);
    await page.getByText('绑定', { exact: true }).click();
    await page.getByText('该邀请码已被使用，请联系支部书记重新生成').waitFor();
    await page.close();
  }, 60_000);

  it('the secretary’s roster now shows 朱光明 as bound', async () => {
    await openRoute(secretary, 'packages/org/roster/index');
    const row = secretary.getByLabel('朱光明', { exact: true });
    await row.getByText('已绑定').waitFor();
    await secretary.close();
  }, 60_000);
});

describe('the bureau admin', () => {
  it('sees every branch with head counts, appoints a committee member, and reads it in the audit log', async () => {
    const page = await signInAs(e2e, '丁慧敏');
    await page.getByText('清河县教育局机关党支部').first().waitFor();
    // The bureau's shortcuts are on 首页 itself.
    await page.getByText('支部管理', { exact: true }).locator('visible=true').first().click();
    const branch = page.getByLabel('清河县第一中学党支部', { exact: true });
    await branch.getByText('14 人').first().waitFor();
    await page.getByLabel('清河县山区学校联合党支部').waitFor();
    await screenshot(page, 'branches-admin');

    // Any branch's roster, and the appointments only the bureau makes.
    await branch.click();
    await page.getByText('党员名册', { exact: true }).click();
    await page.getByLabel('朱光明', { exact: true }).click();
    await page.getByText('职务任免（局党委管理员）').waitFor();
    await page
      .locator('.cell')
      .filter({ hasText: /^支委未任命$/ })
      .click();
    await page.getByText('确定任命朱光明为支委吗？').waitFor();
    await page.getByText('任命', { exact: true }).click();
    await page
      .locator('.cell')
      .filter({ hasText: /^支委已任命$/ })
      .waitFor();

    await openRoute(page, 'packages/org/audit/index');
    await page.getByText('任免职务').first().waitFor();
    await page.getByText('角色：党员 → 支委、党员').waitFor();
    await page.getByText('朱光明 本人操作').first().waitFor();
    await screenshot(page, 'audit-log');
    await page.close();
  }, 90_000);
});
