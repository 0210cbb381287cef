import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

/**
 * Notices end to end: a secretary posts one that asks for 签收 with an attachment, a member sees the
 * unread badge, opens it and confirms, and the secretary's receipts count them; then a bureau notice
 * reaches two branches.
 */
let e2e: E2E;
let secretary: Page;
let member: Page;
let noticeId: string;

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

const TITLE = '关于开展十二月主题党日的通知';
const BUREAU_TITLE = '局党委关于做好年度党员民主评议的通知';
const CHOSEN_TITLE = '关于参加党课集体备课的通知';

/** The H5 router keeps earlier pages in the document, hidden: look on the one on screen. */
function shown(locator: Locator): Locator {
  return locator.filter({ visible: true }).first();
}

/** Waits for a number in the 应读 / 已读 / 已签收 / 未读 row of the receipts page. */
async function stat(page: Page, label: string): Promise<string> {
  const item = shown(page.locator('.notice-stats__item').filter({ has: page.getByText(label, { exact: true }) }));
  await item.waitFor();
  return (await item.locator('.notice-stats__number').innerText()).trim();
}

async function waitForStat(page: Page, label: string, value: string) {
  for (let i = 0; i < 20 && (await stat(page, label)) !== value; i++) await page.waitForTimeout(250);
  expect(await stat(page, label)).toBe(value);
}

describe('notices in the H5 app', () => {
  it('a secretary posts a notice with 需要签收 and an attachment', async () => {
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('通知公告').first().waitFor();
    await shown(secretary.getByText('支部通知', { exact: true })).click();
    await shown(secretary.getByText('发布通知', { exact: true })).click();
    await secretary.locator('input[placeholder="请填写标题"]').fill(TITLE);
    await secretary
      .locator('.form-cell__textarea textarea')
      .fill('各位党员：\n本月主题党日定于周五下午三点举行。\n学习材料见附件，详见 https://www.12371.cn 。');
    const confirmRow = secretary.locator('.form-cell').filter({ hasText: '需要签收' });
    await confirmRow.locator('.weui-switch, input[type="checkbox"]').first().click();
    await secretary.getByText('签收截止').waitFor();

    const chooser = secretary.waitForEvent('filechooser');
    await secretary.getByText('添加附件', { exact: true }).click();
    await (
      await chooser
    ).setFiles({ name: '学习材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await secretary.getByText('学习材料.pdf').waitFor();
    await secretary.getByText(/正在上传/).waitFor({ state: 'hidden', timeout: 15_000 });
    await screenshot(secretary, 'notice-editor');

    // The editor's own button: the list page under it, kept hidden, has one with the same words.
    await shown(secretary.locator('.form-actions').getByText('发布通知', { exact: true })).click();
    // Posted: the receipts page, nobody has read it yet.
    // (The H5 navigation bar keeps the title 阅读回执 in a hidden element: wait for the page itself.)
    await shown(secretary.locator('.notice-stats')).waitFor();
    expect(secretary.url()).toContain('/packages/notice/receipts/index');
    noticeId = /[?&]id=([\w-]+)/.exec(secretary.url())![1]!;
    expect(await stat(secretary, '已读')).toBe('0');
    expect(await stat(secretary, '应读')).toBe('14');
    await screenshot(secretary, 'notice-receipts-empty');
  }, 90_000);

  it('a member sees the unread badge, opens the notice and confirms', async () => {
    member = await signInAs(e2e, '刘洋');
    await member.getByText('通知公告').first().waitFor();
    await member.locator('.taro-tabbar-badge').filter({ hasText: '1' }).first().waitFor();
    await member.getByText('条未读').first().waitFor();
    await screenshot(member, 'notice-home-unread');

    await shown(member.getByText(TITLE)).click();
    await member.getByText('本月主题党日定于周五下午三点举行。').waitFor();
    await member.getByText('学习材料.pdf').waitFor();
    await member.getByText('https://www.12371.cn').waitFor();
    await screenshot(member, 'notice-detail-member');

    await shown(member.getByText('确认收到', { exact: true })).click();
    await member.getByText(/已确认收到 ·/).waitFor();
    // A member never sees the receipts.
    expect(await member.getByText('阅读回执').count()).toBe(0);
    await screenshot(member, 'notice-confirmed');

    await member.goBack();
    await member.locator('.taro-tabbar-badge').waitFor({ state: 'hidden' });
  }, 90_000);

  it('the secretary’s receipt page shows 已读 1 / 已签收 1', async () => {
    await secretary.reload();
    await waitForStat(secretary, '已读', '1');
    expect(await stat(secretary, '已签收')).toBe('1');
    expect(await stat(secretary, '未读')).toBe('13');
    // The 已签收 tab of the name lists (the stat above carries the same label).
    await shown(secretary.getByRole('tab', { name: /已签收/ })).click();
    await shown(secretary.locator('.notice-name').filter({ hasText: '刘洋' })).waitFor();
    await screenshot(secretary, 'notice-receipts');
    expect(noticeId).toMatch(/^n/);
  }, 60_000);

  it('a bureau notice shows in two branches', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    await admin.getByText('通知公告').first().waitFor();
    await shown(admin.getByText('支部通知', { exact: true })).click();
    await shown(admin.getByText('发布通知', { exact: true })).click();
    // An admin posts to every branch unless they choose some.
    await expect(shown(admin.getByRole('radio', { name: '全部支部' })).getAttribute('aria-checked')).resolves.toBe(
      'true',
    );
    await admin.locator('input[placeholder="请填写标题"]').fill(BUREAU_TITLE);
    await admin.locator('.form-cell__textarea textarea').fill('各党支部：\n请于月底前完成年度党员民主评议。');
    // The editor's own button: the list page under it, kept hidden, has one with the same words.
    await shown(admin.locator('.form-actions').getByText('发布通知', { exact: true })).click();
    await admin.getByText('各支部阅读情况').waitFor();
    await screenshot(admin, 'notice-bureau-table');

    for (const [name, page] of [
      ['刘洋', member],
      ['林小燕', await signInAs(e2e, '林小燕')],
    ] as const) {
      await page.goto(`${e2e.server.url}/#/pages/notice/index`);
      await shown(page.getByText(BUREAU_TITLE)).waitFor();
      // Posted by 局党委 (the card's meta line; the title holds the same words).
      await shown(page.locator('.notice-card').filter({ hasText: BUREAU_TITLE }))
        .locator('.notice-card__meta')
        .filter({ hasText: /^局党委 ·/ })
        .waitFor();
      await screenshot(page, `notice-bureau-in-list-${name === '刘洋' ? 'a' : 'b'}`);
    }
  }, 90_000);

  it('a notice to chosen members reaches them and nobody else', async () => {
    await secretary.goto(`${e2e.server.url}/#/packages/notice/edit/index`);
    await secretary.locator('input[placeholder="请填写标题"]').fill(CHOSEN_TITLE);
    await secretary.locator('.form-cell__textarea textarea').fill('请刘洋、陈静两位老师周三下午到会议室参加党课备课。');
    await shown(secretary.getByRole('radio', { name: '指定党员' })).click();
    await shown(secretary.getByText('选择接收的党员')).waitFor();
    await shown(secretary.locator('.aud-chooser__input input')).fill('刘');
    await shown(secretary.getByRole('checkbox', { name: '刘洋' })).click();
    await shown(secretary.locator('.aud-chooser__input input')).fill('');
    await shown(secretary.getByRole('checkbox', { name: '陈静' })).click();
    await screenshot(secretary, 'notice-member-picker');
    // The picker's heading and its count are what is seen at their place, not the navigation bar.
    const onTop = await secretary.locator('.aud-chooser__head').evaluate((head) => {
      const box = head.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.top >= 0 && hit !== null && head.contains(hit);
    });
    expect(onTop).toBe(true);
    await shown(secretary.getByText('确定（2）', { exact: true })).click();
    await shown(secretary.getByText('刘洋、陈静 ›')).waitFor();
    await screenshot(secretary, 'notice-editor-members');
    await shown(secretary.locator('.form-actions').getByText('发布通知', { exact: true })).click();
    await shown(secretary.locator('.notice-stats')).waitFor();
    expect(await stat(secretary, '应读')).toBe('2');

    for (const [name, sees] of [
      ['刘洋', true],
      ['陈静', true],
      ['杨帆', false],
    ] as const) {
      const page = name === '刘洋' ? member : await signInAs(e2e, name);
      await page.goto(`${e2e.server.url}/#/pages/notice/index`);
      await page.reload();
      // The branch's earlier notice is there for everyone: the list has loaded.
      await shown(page.getByText(TITLE)).waitFor();
      expect(await page.getByText(CHOSEN_TITLE).filter({ visible: true }).count()).toBe(sees ? 1 : 0);
    }
  }, 120_000);

  for (const width of [320, 390]) {
    it(`at ${width} px the notice form with its audience chooser fits the screen`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width, height: 760 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/`);
      await page.getByLabel('以王建国的身份进入').click();
      await page.getByText('通知公告').first().waitFor();
      await page.goto(`${e2e.server.url}/#/packages/notice/edit/index`);
      await shown(page.getByRole('radio', { name: '一个党小组' })).click();
      await shown(page.getByRole('radio', { name: '高一年级党小组' })).click();
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await screenshot(page, `notice-form-${width}`);
      await context.close();
    }, 60_000);
  }
});
