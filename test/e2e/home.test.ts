import { newContext, screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

describe('the H5 app on the local runtime', () => {
  it('a demo member picks themselves and sees their name, branch and role on the home page', async () => {
    const page = await signInAs(e2e, '王建国');
    await page.getByText('清河县第一中学党支部').first().waitFor();
    await page.getByText('王建国').first().waitFor();
    await page.getByText('支部书记').first().waitFor();
    await screenshot(page, 'home-secretary');
    await page.close();
  }, 60_000);

  it('the sign-in page lists every branch', async () => {
    const page = await (
      await newContext(e2e.browser, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    ).newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.getByText('选择演示用户').waitFor();
    for (const branch of ['清河县第一中学党支部', '清河县山区学校联合党支部', '清河县教育局机关党支部']) {
      await page.getByText(branch).first().waitFor();
    }
    await screenshot(page, 'sign-in');
    await page.close();
  }, 60_000);

  it('a plain member sees 我的 with their own record, and an honest empty 活动 tab', async () => {
    const page = await signInAs(e2e, '刘洋');
    await page.getByText('清河县第一中学党支部').first().waitFor();
    await page.getByText('我的', { exact: true }).last().click();
    await page.getByText('高一年级党小组').first().waitFor();
    await screenshot(page, 'mine-member');
    await page.close();
  }, 60_000);
});
