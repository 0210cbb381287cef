import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';

/**
 * 党费 end to end in the H5 app. 王建国, secretary of 清河县第一中学党支部, sets the branch's bases
 * from an .xlsx (uploaded through the storage path, checked, then imported), opens 刘洋 and records
 * his payment for this month with the computed amount shown; 刘洋 then sees his months under 我的.
 */
let e2e: E2E;
const shown = (locator: Locator) => locator.filter({ visible: true }).first();
const MONTH = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const YEAR = MONTH.slice(0, 4);

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

async function baseSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党费基数');
  sheet.addRow(['姓名', '手机号', '类别', '基数（元）', '扣除（元）', '起始月份']);
  sheet.addRow(['刘洋', '', '在职', '4000', '', `${YEAR}-01`]);
  sheet.addRow(['陈静', '', '在职', '3000', '', `${YEAR}-01`]);
  sheet.addRow(['赵敏', '', '在职', '5500.5', '', `${YEAR}-01`]);
  sheet.addRow(['朱光明', '', '离退休', '5000', '', `${YEAR}-01`]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string) {
  await page.locator('input[type=file]').last().setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

describe('党费 in the H5 app', () => {
  it('a secretary sets bases by .xlsx and records a payment; the member sees their months', async () => {
    const secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('通知公告').first().waitFor();
    await secretary.getByText('我的', { exact: true }).last().click();
    await shown(secretary.getByText('本支部管理', { exact: true })).waitFor();
    await shown(secretary.getByText('党费管理', { exact: true })).click();
    await shown(secretary.getByText('提醒欠缴党员', { exact: true })).waitFor();
    await shown(secretary.getByText('导入党费基数', { exact: true })).click();
    await shown(secretary.getByText('下载导入模板（含本支部党员）')).waitFor();

    // A sheet with a name that is not in the branch: refused row by row, nothing written.
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('x').addRows([
      ['姓名', '类别', '基数（元）'],
      ['不存在', '在职', '3000.123'],
    ]);
    await upload(secretary, Buffer.from(await bad.xlsx.writeBuffer()), '错误的基数表.xlsx');
    await shown(secretary.getByText(/发现问题，未导入任何基数/)).waitFor();
    await shown(secretary.getByText(/第 2 行 · 姓名：本支部没有缴纳党费的党员“不存在”/)).waitFor();
    await shown(secretary.getByText(/第 2 行 · 基数（元）/)).waitFor();
    await screenshot(secretary, 'dues-import-errors');

    await upload(secretary, await baseSheet(), '党费基数.xlsx');
    await shown(secretary.getByText(/检查通过/)).waitFor();
    await shown(secretary.getByText('确认导入', { exact: true })).click();
    await secretary.locator('.taro-modal__foot').getByText('导入').click();
    await shown(secretary.getByText('已设置 4 位党员的党费基数')).waitFor();
    await screenshot(secretary, 'dues-import-done');

    await secretary.goto(`${e2e.server.url}/#/packages/dues/manage/index`);
    await shown(secretary.getByText('在职 月缴 40.00 元')).waitFor();
    await shown(secretary.getByText('在职 月缴 82.51 元')).waitFor(); // 5,500.50 × 1.5 % = 82.5075 → 82.51
    await screenshot(secretary, 'dues-bases');
    await shown(secretary.getByText('刘洋', { exact: true })).click();
    await shown(secretary.getByText('在职 · 基数 4000.00 元 · 月缴 40.00 元', { exact: false })).waitFor();
    await shown(secretary.locator('.dues-chip').filter({ hasText: `${Number(MONTH.slice(5))}月` })).click();
    await shown(secretary.getByText('1 个月，应缴 40.00 元')).waitFor();
    await screenshot(secretary, 'dues-payment-form');
    await shown(secretary.locator('.form-actions').getByText('登记缴纳', { exact: true })).click();
    await shown(secretary.getByText('已登记缴纳')).waitFor();
    await shown(
      secretary
        .locator('.dues-chip')
        .filter({ hasText: `${Number(MONTH.slice(5))}月` })
        .getByText('已缴'),
    ).waitFor();
    await screenshot(secretary, 'dues-payment-done');

    const member = await signInAs(e2e, '刘洋');
    await member.getByText('通知公告').first().waitFor();
    await member.getByText('我的', { exact: true }).last().click();
    await shown(member.getByText('我的党费', { exact: true })).click();
    await shown(member.getByText('已缴 40.00 元')).waitFor();
    await shown(member.getByText(`${YEAR}年各月`)).waitFor();
    const thisMonth = shown(member.locator('.cell').filter({ hasText: `${Number(MONTH.slice(5))}月` }));
    await thisMonth.getByText('已缴').waitFor();
    if (MONTH.slice(5) !== '01') await shown(member.getByText(/欠缴 \d+ 个月/)).waitFor();
    await screenshot(member, 'dues-mine');
  }, 180_000);
});
