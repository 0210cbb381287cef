import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';
import { callAs, DEMO } from '../support/runtime';

/**
 * The activity and check-in screens end to end: the secretary sets up a meeting in the form, holds
 * up the rotating code, a member scans it (here: decodes the QR image on the secretary's screen and
 * opens its link), and the secretary's screen counts them. Then attendance, minutes and leave.
 */
let e2e: E2E;
let secretary: Page;
let member: Page;
let activityId: string;

beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.close());

const TITLE = '11月主题党日：重温入党誓词';

/** The check-in link in the QR code the secretary's screen shows right now. */
async function readQrOnScreen(page: Page): Promise<string> {
  const image = page.locator('.act-qr__image img');
  await image.waitFor();
  const src = await image.getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(src!.split(',')[1]!, 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('the QR image on the secretary screen could not be decoded');
  return code.data;
}

/** A small photo for the minutes: a flat red PNG made on the spot. */
function photo(): Buffer {
  const png = new PNG({ width: 96, height: 64 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 200;
    png.data[i + 1] = 22;
    png.data[i + 2] = 29;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Waits until the element shows exactly `text` (a number polled from the server, say). */
async function waitForExactText(locator: Locator, text: string, timeout = 10_000) {
  await locator
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .first()
    .waitFor({ timeout });
}

/**
 * The H5 router keeps the pages below the current one in the document, hidden; a text that is on
 * several pages is looked for on the one on screen.
 */
function shown(locator: Locator): Locator {
  return locator.filter({ visible: true }).first();
}

async function openActivityTab(page: Page) {
  await page.getByText('活动', { exact: true }).last().click();
  await page.getByText('扫码签到').first().waitFor();
}

describe('activities and QR check-in in the H5 app', () => {
  it('the secretary creates an activity in the form and shows its check-in code', async () => {
    secretary = await signInAs(e2e, '王建国');
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await openActivityTab(secretary);
    await secretary.getByText('暂无即将开始的活动').waitFor();
    await screenshot(secretary, 'activity-list-empty');

    await shown(secretary.getByText('发起活动', { exact: true })).click();
    await secretary.getByText('活动类型').waitFor();
    await screenshot(secretary, 'activity-form-top');
    await secretary.locator('input[placeholder="例如：11月主题党日"]').fill(TITLE);
    await secretary.locator('input[placeholder="例如：学校三楼会议室"]').fill('学校三楼党员活动室');
    await secretary
      .locator('.act-form__textarea textarea')
      .fill('1. 重温入党誓词\n2. 学习党的二十届三中全会精神\n3. 交流发言');
    await screenshot(secretary, 'activity-form');

    await secretary.getByText('发布活动', { exact: true }).click();
    // The new activity's page: starting at the next half hour, so check-in is already open.
    await secretary.getByText('显示签到二维码', { exact: true }).waitFor();
    await secretary.getByText(TITLE).first().waitFor();
    activityId = /[?&]id=([\w-]+)/.exec(secretary.url())![1]!;
    await screenshot(secretary, 'activity-detail-secretary');

    await secretary.getByText('显示签到二维码', { exact: true }).click();
    await secretary.getByText('请用微信扫一扫签到').waitFor();
    await waitForExactText(secretary.locator('.act-qr__count-number--present'), '0');
    await screenshot(secretary, 'checkin-qr');
  }, 90_000);

  it('a member opens the link in the QR code and is checked in; the secretary sees 实到 1', async () => {
    const link = await readQrOnScreen(secretary);
    expect(link).toMatch(/#\/pages\/checkin\/index\?scene=/);

    member = await signInAs(e2e, '刘洋');
    await member.getByText('清河县第一中学党支部').first().waitFor();
    await member.goto(link);
    await member.getByText('签到成功').waitFor();
    await member.getByText(TITLE).waitFor();
    await screenshot(member, 'checkin-success');

    // The secretary's screen polls: the count rises without anyone touching it.
    await waitForExactText(secretary.locator('.act-qr__count-number--present'), '1', 20_000);
    await screenshot(secretary, 'checkin-qr-counted');

    // Scanning again (the code on screen now) changes nothing and says so. On a slow machine the code
    // read may have run out by the time the page asks (a code lives 15 to 30 seconds): then the page
    // says exactly that, and the member scans the next one.
    for (let attempt = 0; ; attempt++) {
      await member.goto(await readQrOnScreen(secretary));
      await member.reload();
      const outcome = member.getByText('您已签到').or(member.getByText('签到码已过期', { exact: true }));
      await outcome.first().waitFor();
      if ((await member.getByText('您已签到').count()) > 0) break;
      if (attempt === 1) throw new Error('two fresh codes in a row were refused as expired');
    }
    await screenshot(member, 'checkin-already');
  }, 90_000);

  it('a wrong code is refused in plain words on the check-in page', async () => {
    await member.goto(`${e2e.server.url}/#/pages/checkin/index?scene=aXXXX.zz.forgedmac0000`);
    await member.reload();
    await member.getByText('签到码无效').first().waitFor();
    await screenshot(member, 'checkin-error');
  }, 60_000);

  it('the member sees the activity as 已签到 in their list, and asks for leave from a later one', async () => {
    // Three days from now at 15:00 in Beijing.
    const day = new Date(Date.now() + 8 * 3600_000 + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    const later = await callAs<{ activityId: string }>(e2e.runtime, DEMO.secretaryA.openid, 'activity', 'create', {
      title: '支部党员大会：民主评议党员',
      type: 'party_congress',
      startAt: `${day}T15:00:00+08:00`,
      endAt: `${day}T16:30:00+08:00`,
      place: '学校报告厅',
      agenda: '1. 党员自评\n2. 党员互评',
    });
    if (!later.ok) throw new Error(later.message);

    await member.goto(`${e2e.server.url}/`);
    await member.getByText('清河县第一中学党支部').first().waitFor();
    await openActivityTab(member);
    // 首页 (kept in the page, hidden) lists it too: look at the 活动 tab's card.
    await member.locator('.act-card', { hasText: TITLE }).getByText('已签到').waitFor();
    const laterCard = member.locator('.act-card', { hasText: '支部党员大会：民主评议党员' });
    await laterCard.waitFor();
    await screenshot(member, 'activity-list-member');

    await laterCard.click();
    await shown(member.getByText('我的出勤', { exact: true })).waitFor();
    await member.getByText('请假', { exact: true }).last().click();
    await member.locator('.act-dialog textarea').fill('带学生参加县运动会');
    await member.getByText('提交', { exact: true }).click();
    await shown(member.getByText('待支部审批', { exact: true })).waitFor();
    await screenshot(member, 'activity-detail-member-leave');
  }, 90_000);

  it('the secretary sees the attendance, marks a member by hand, and the change is logged', async () => {
    await shown(secretary.getByText('出勤情况', { exact: true })).click();
    await secretary.locator('.act-att__counts').waitFor();
    await secretary.locator('.act-att__row', { hasText: '刘洋' }).getByText('扫码签到').waitFor();

    await secretary.locator('.act-segmented__item', { hasText: '未到' }).click();
    await secretary.getByLabel('陈静手工签到').click();
    await secretary.locator('.act-dialog textarea').fill('手机没电，现场确认到会');
    await secretary.getByText('确定', { exact: true }).click();
    await secretary.getByText('王建国 将 陈静 标记为到场').waitFor();
    await secretary.locator('.act-segmented__item', { hasText: '实到' }).click();
    await secretary.locator('.act-att__row', { hasText: '陈静' }).getByText('手工标记').waitFor();
    await secretary.waitForTimeout(1500); // the toast fades
    await screenshot(secretary, 'attendance');
  }, 60_000);

  it('the secretary writes the minutes with a photo, and the activity page shows them', async () => {
    // Minutes are kept once the meeting has begun: move its start to a few minutes ago.
    const moved = await callAs(e2e.runtime, DEMO.secretaryA.openid, 'activity', 'update', {
      activityId,
      patch: { startAt: new Date(Date.now() - 5 * 60_000).toISOString() },
    });
    if (!moved.ok) throw new Error(moved.message);
    await secretary.goBack();
    await shown(secretary.getByText('请用微信扫一扫签到')).waitFor();
    await secretary.goBack();
    await shown(secretary.getByText('会议记录', { exact: true })).click();
    await secretary.getByText('使用记录模板', { exact: true }).click();
    const text = secretary.locator('.act-minutes-edit__textarea textarea');
    expect(await text.inputValue()).toMatch(/参加人员：应到 14 人，实到 2 人/);

    const chooser = secretary.waitForEvent('filechooser');
    await secretary.getByLabel('添加照片').click();
    await (await chooser).setFiles({ name: 'meeting.png', mimeType: 'image/png', buffer: photo() });
    await secretary.locator('.act-minutes-edit__tile').first().waitFor();
    await secretary.locator('.act-minutes-edit__image').first().waitFor();
    await secretary.getByText('上传中…').waitFor({ state: 'hidden', timeout: 15_000 });
    await screenshot(secretary, 'minutes-editor');

    await secretary.getByText('保存会议记录', { exact: true }).click();
    await shown(secretary.getByText('显示签到二维码', { exact: true })).waitFor();
    await shown(secretary.locator('.act-minutes__photo')).waitFor();
    await secretary.getByText(/王建国 于 .* 保存/).waitFor();
    await secretary.locator('.act-minutes').scrollIntoViewIfNeeded();
    await screenshot(secretary, 'activity-detail-minutes');
  }, 60_000);

  it('the secretary list shows 实到 / 应到 and the pending leave', async () => {
    await secretary.goto(`${e2e.server.url}/`);
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await openActivityTab(secretary);
    const card = secretary.locator('.act-card', { hasText: TITLE });
    await card.waitFor();
    await waitForExactText(card.locator('.act-card__count-number--present'), '2');
    await screenshot(secretary, 'activity-list-secretary');

    await secretary.locator('.act-card', { hasText: '民主评议党员' }).click();
    // Three days early, the code page says when check-in opens instead of showing a code.
    await shown(secretary.getByText('签到二维码', { exact: true })).click();
    await secretary.getByText('签到尚未开始', { exact: true }).waitFor();
    await screenshot(secretary, 'checkin-qr-not-open');
    await secretary.goBack();
    await shown(secretary.getByText('出勤情况', { exact: true })).click();
    await shown(secretary.getByText('待审批的请假（1）')).waitFor();
    await secretary.getByText('批准', { exact: true }).click();
    await secretary.locator('.taro-modal__foot').getByText('批准').click();
    await secretary.getByText('王建国 批准了 刘洋 的请假').waitFor();
    await screenshot(secretary, 'attendance-leave-approved');
  }, 60_000);

  it('the member reads their own attendance record', async () => {
    await member.goto(`${e2e.server.url}/`);
    await member.getByText('清河县第一中学党支部').first().waitFor();
    await openActivityTab(member);
    await member.getByText('我的出勤记录').click();
    await member.locator('.act-history__row', { hasText: TITLE }).getByText('已签到').waitFor();
    await screenshot(member, 'activity-history-member');
  }, 60_000);

  it('the secretary narrows who must attend, then cancels an activity with a reason', async () => {
    await secretary.goto(`${e2e.server.url}/`);
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await openActivityTab(secretary);
    await secretary.locator('.act-card', { hasText: '民主评议党员' }).click();
    await shown(secretary.getByText('编辑活动', { exact: true })).click();
    await secretary.getByText('保存修改', { exact: true }).waitFor();

    await secretary.getByText('指定党员', { exact: true }).click();
    await secretary.getByText('选择参加的党员').waitFor();
    await secretary.getByLabel('刘洋', { exact: true }).click();
    await secretary.getByLabel('陈静', { exact: true }).click();
    await screenshot(secretary, 'activity-form-members');
    await secretary.getByText('确定（2）').click();
    await secretary.getByText('刘洋、陈静 ›').waitFor();
    await secretary.getByText('保存修改', { exact: true }).click();
    await shown(secretary.getByText('指定党员（2 人）')).waitFor();

    await shown(secretary.getByText('取消活动', { exact: true })).click();
    await secretary.locator('.act-dialog textarea').fill('与县里会议冲突，改期另行通知');
    await secretary.getByText('确认取消', { exact: true }).click();
    await shown(secretary.getByText('本次活动已取消（与县里会议冲突，改期另行通知），无需参加。')).waitFor();
    await screenshot(secretary, 'activity-cancelled');
  }, 60_000);

  it('a bureau admin pushes a theme day to every branch, and the secretary finds it in the list', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    await admin.getByText('清河县教育局机关党支部').first().waitFor();
    await openActivityTab(admin);
    await shown(admin.getByText('发起活动', { exact: true })).click();
    await admin.getByText('全县各支部（局党委统一部署）').click();
    await admin.locator('input[placeholder="例如：11月主题党日"]').fill('全县主题党日：学习贯彻全会精神');
    await admin.locator('input[placeholder="例如：学校三楼会议室"]').fill('各支部自定');
    await admin.getByText('下发到各支部', { exact: true }).click();
    // The bureau's 活动 tab lists every branch's copy.
    await shown(admin.getByText('全县主题党日：学习贯彻全会精神')).waitFor();
    await admin.close();

    await secretary.goto(`${e2e.server.url}/`);
    await secretary.getByText('清河县第一中学党支部').first().waitFor();
    await openActivityTab(secretary);
    await secretary.locator('.act-card', { hasText: '全县主题党日' }).waitFor();
  }, 60_000);
});
