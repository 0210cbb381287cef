import type { BrowserContext, Locator, Page } from 'playwright-core';
import { newContext, screenshot } from '../support/browser';
import { signInAs, startE2E, type E2E } from '../support/e2e';
import { callAs, DEMO } from '../support/runtime';

/**
 * Daily use, as each role meets it: 首页 is the person's to-do list (a member's next activities
 * with 扫码签到, the secretary's waiting leave, today's meeting with its code and the minutes still
 * to write, the bureau's shortcuts), and the main screens fit a 320 px phone without overflow.
 */
let e2e: E2E;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const TODAY = '十二月主题党日：重温入党誓词';
const NEXT = '专题党课：学习党章';
const ENDED = '上周支部委员会';
let todayId: string;
let endedId: string;

beforeAll(async () => {
  e2e = await startE2E();
  const create = async (input: Record<string, unknown>) => {
    const result = await callAs<{ activityId: string }>(e2e.runtime, DEMO.secretaryA.openid, 'activity', 'create', {
      place: '学校三楼会议室',
      ...input,
    });
    if (!result.ok) throw new Error(result.message);
    return result.data.activityId;
  };
  const now = Date.now();
  // Started a few minutes ago, but never before Beijing midnight: it must be today's meeting.
  const beijingMidnight = Date.parse(`${new Date(now + 8 * 60 * MINUTE).toISOString().slice(0, 10)}T00:00:00+08:00`);
  todayId = await create({
    title: TODAY,
    type: 'theme_day',
    startAt: iso(Math.max(now - 10 * MINUTE, beijingMidnight)),
    endAt: iso(now + 50 * MINUTE),
  });
  const next = await create({
    title: NEXT,
    type: 'lecture',
    startAt: iso(now + 2 * 24 * 60 * MINUTE),
    endAt: iso(now + (2 * 24 * 60 + 90) * MINUTE),
  });
  endedId = await create({
    title: ENDED,
    type: 'committee',
    startAt: iso(now - 26 * 60 * MINUTE),
    endAt: iso(now - 25 * 60 * MINUTE),
  });
  const leave = await callAs(e2e.runtime, DEMO.memberA.openid, 'activity', 'requestLeave', {
    activityId: next,
    reason: '带学生参加市里比赛',
  });
  if (!leave.ok) throw new Error(leave.message);
}, 60_000);
afterAll(() => e2e?.close());

/** The H5 router keeps earlier pages in the document, hidden: look on the one on screen. */
function shown(locator: Locator): Locator {
  return locator.filter({ visible: true }).first();
}

const card = (page: Page, title: string) => shown(page.getByLabel(title, { exact: true }));

describe('首页 for each role', () => {
  it('a member: today’s activity with 扫码签到 while the window is open, the next one with the leave asked for', async () => {
    const member = await signInAs(e2e, '刘洋');
    const mine = card(member, '我的活动');
    await mine.getByText(TODAY).waitFor();
    const todayRow = mine.locator('.home-row', { hasText: TODAY });
    await todayRow.getByText('扫码签到', { exact: true }).waitFor();
    await todayRow.getByText('未签到').waitFor();
    const nextRow = mine.locator('.home-row', { hasText: NEXT });
    await nextRow.getByText('请假待审批').waitFor();
    expect(await nextRow.getByText('扫码签到').count()).toBe(0);
    // The committee's cards are not a member's.
    expect(await member.getByLabel('待审批的请假', { exact: true }).count()).toBe(0);
    expect(await member.getByLabel('局党委工作', { exact: true }).count()).toBe(0);
    // Notices, study and quizzes follow in the same card.
    await card(member, '通知公告').waitFor();
    await screenshot(member, 'home-member');
    await member.close();
  }, 60_000);

  it('a secretary: the waiting leave with its count, today’s meeting with 显示签到二维码, 发起活动, 待补会议记录', async () => {
    const secretary = await signInAs(e2e, '王建国');
    const pending = card(secretary, '待审批的请假');
    await pending.getByText(NEXT).waitFor();
    expect(await pending.locator('.home-card__count').textContent()).toBe('1');
    await pending.locator('.home-row', { hasText: NEXT }).getByText('1 人待审批').waitFor();

    const today = card(secretary, '今天的活动');
    const row = today.locator('.home-row', { hasText: TODAY });
    await row.getByText('显示签到二维码', { exact: true }).waitFor();
    await today.getByText('发起活动', { exact: true }).waitFor();

    const minutes = card(secretary, '待补会议记录');
    await minutes.getByText(ENDED).waitFor();
    // Today's meeting is on the committee card, not repeated under 我的活动.
    expect(await card(secretary, '我的活动').getByText(TODAY).count()).toBe(0);
    await screenshot(secretary, 'home-secretary');

    // One tap from the count to the approval.
    await pending.getByText(NEXT).click();
    await shown(secretary.getByText('待审批的请假（1）')).waitFor();
    await shown(secretary.getByText('带学生参加市里比赛', { exact: false })).waitFor();
    await screenshot(secretary, 'attendance-pending-leave');

    // The badge in the activity list row too.
    await secretary.goto(`${e2e.server.url}/#/pages/activity/index`);
    await shown(secretary.locator('.act-card', { hasText: NEXT }))
      .getByText('1 人请假待审批')
      .waitFor();
    await secretary.close();
  }, 90_000);

  it('a bureau admin: the bureau’s shortcuts on 首页, and every branch’s activities in 活动 with a branch filter', async () => {
    const admin = await signInAs(e2e, '丁慧敏');
    const bureau = card(admin, '局党委工作');
    await bureau.getByText('支部管理', { exact: true }).waitFor();
    await bureau.getByText('操作记录', { exact: true }).waitFor();
    await screenshot(admin, 'home-admin');

    await admin.goto(`${e2e.server.url}/#/pages/activity/index`);
    await shown(admin.getByLabel('筛选支部')).getByText('全部支部').waitFor();
    // 清河县第一中学's meeting, though the admin belongs to the bureau's own branch.
    await shown(admin.locator('.act-card', { hasText: TODAY })).waitFor();
    await screenshot(admin, 'activity-admin-all-branches');
    await admin.close();
  }, 60_000);
});

/** Everything on screen that sticks out of the viewport, or text that broke onto a second line in a button or tag. */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  return page.evaluate((viewport) => {
    const problems: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 20)}”`;
    if (document.documentElement.scrollWidth > viewport)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
    /**
     * What of a box can be seen. A decoration (nothing to read inside) is cut by the ancestors that
     * hide their overflow on purpose (hidden, clip), as the star behind 我的's header is; text is cut
     * only by its own ellipsis. A scroll container (auto) cuts nothing: what it hides, it scrolls.
     */
    const visibleBox = (el: Element, box: DOMRect, ancestors: boolean) => {
      let { left, right } = box;
      for (let node: Element | null = el; node; node = ancestors ? node.parentElement : null) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow !== 'hidden' && overflow !== 'clip') continue;
        const clip = node.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      return { left, right };
    };
    const ownText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const seen = (el.textContent ?? '').trim() === '' ? visibleBox(el.parentElement ?? el, rect, true) : rect;
      if (seen.left < -0.5 || seen.right > viewport + 0.5)
        problems.push(`outside the screen: ${describe(el)} ${seen.left}–${seen.right}`);
      if (el.scrollWidth > el.clientWidth + 1 && (style.overflowX === 'auto' || style.overflowX === 'scroll'))
        problems.push(`scrolls sideways: ${describe(el)} ${el.scrollWidth}px in ${el.clientWidth}px`);
      if (!ownText(el)) continue;
      // Text that is cut off (other than on purpose, with an ellipsis) or that touches the screen's edge.
      if (el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis')
        problems.push(`text wider than its box: ${describe(el)}`);
      const range = document.createRange();
      range.selectNodeContents(el);
      const box = range.getBoundingClientRect();
      if (box.width === 0) continue;
      const text = visibleBox(el, box, false);
      if (text.left < 4 || text.right > viewport - 4)
        problems.push(`text touches the screen's edge: ${describe(el)} ${text.left}–${text.right}`);
    }
    // Short labels (buttons, tags, tabs) must read on one line: "支部党员大/会" is the defect.
    for (const el of document.querySelectorAll(
      [
        '.act-form__type, .act-badge, .act-type-tag, .zb-button, .act-att__link, .act-segmented__item',
        '.act-att__count-label, .home-card__title, .home-card__count, .home-card__more, .home-row__badge',
        '.role-tags__tag, .org-chip__text, .notice-tag, .study-badge, .cell__label, .org-row__name',
      ].join(', '),
    )) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0) continue;
      // A text broken across lines has more than one box for the one text node.
      for (const node of [el, ...el.querySelectorAll('*')].flatMap((e) => [...e.childNodes])) {
        if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`wraps onto ${lines.size} lines: ${describe(el)}`);
      }
    }
    return problems;
  }, width);
}

/** A phone of the given width, signed in as a demo user, on 首页. */
async function phoneAs(width: number, name: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await newContext(e2e.browser, {
    viewport: { width, height: 700 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/`);
  await page.getByText('选择演示用户').waitFor();
  await page.getByLabel(`以${name}的身份进入`).click();
  await shown(page.locator('.home-card')).waitFor();
  return { page, context };
}

/** Opens a page by its address, waits for words only it shows, then measures it and keeps a picture. */
async function measure(page: Page, width: number, name: string, url: string | null, unique: Locator | string) {
  if (url) await page.goto(`${e2e.server.url}/#${url}`);
  await shown(typeof unique === 'string' ? page.getByText(unique, { exact: true }) : unique).waitFor();
  await page.waitForTimeout(600);
  expect({ page: name, problems: await layoutProblems(page, width) }).toEqual({ page: name, problems: [] });
  await screenshot(page, `${name}-${width}`);
}

describe('small screens', () => {
  for (const width of [320, 390]) {
    it(`at ${width} px the secretary's screens neither overflow nor break a label`, async () => {
      const { page, context } = await phoneAs(width, '王建国');
      await card(page, '今天的活动').waitFor();
      await card(page, '待补会议记录').getByText(ENDED).waitFor();
      await measure(page, width, 'home-secretary', null, card(page, '待审批的请假'));

      await page.goto(`${e2e.server.url}/#/packages/activity/edit/index`);
      await shown(page.getByText('支部党员大会', { exact: true })).waitFor();
      await page.waitForTimeout(600);
      expect(await layoutProblems(page, width)).toEqual([]);
      // Every field's problem at once, beside its field: still inside the screen.
      await shown(page.getByText('发布活动', { exact: true })).click();
      await shown(page.getByText('请填写活动地点')).waitFor();
      expect(await layoutProblems(page, width)).toEqual([]);
      await screenshot(page, `activity-form-${width}`);

      await page.goto(`${e2e.server.url}/#/packages/activity/attendance/index?id=${todayId}`);
      await shown(page.getByText('变更记录')).waitFor();
      await shown(page.locator('.act-att__count-label', { hasText: '未到' })).click();
      await shown(page.getByText('登记请假').first()).waitFor();
      await page.waitForTimeout(600);
      expect(await layoutProblems(page, width)).toEqual([]);
      await screenshot(page, `attendance-${width}`);

      await measure(page, width, 'detail-secretary', `/pages/activity/detail/index?id=${todayId}`, '显示签到二维码');
      await measure(page, width, 'qr', `/packages/activity/qr/index?id=${todayId}`, '请用微信扫一扫签到');
      await measure(page, width, 'minutes', `/packages/activity/minutes/index?id=${endedId}`, '添加照片');
      await measure(page, width, 'roster', '/packages/org/roster/index', page.locator('.org-row__name'));
      await measure(page, width, 'mine-secretary', '/pages/mine/index', '我的出勤记录');
      await context.close();
    }, 180_000);

    it(`at ${width} px a member's screens neither overflow nor break a label`, async () => {
      const { page, context } = await phoneAs(width, '刘洋');
      await card(page, '我的活动').getByText(TODAY).waitFor();
      await measure(page, width, 'home-member', null, card(page, '通知公告'));
      await measure(page, width, 'detail-member', `/pages/activity/detail/index?id=${todayId}`, TODAY);
      const code = await callAs<{ token: string }>(e2e.runtime, DEMO.secretaryA.openid, 'activity', 'checkinCode', {
        activityId: todayId,
      });
      if (!code.ok) throw new Error(code.message);
      await page.goto(`${e2e.server.url}/#/pages/checkin/index?scene=${encodeURIComponent(code.data.token)}`);
      await measure(page, width, 'checkin', null, page.getByText('签到成功').or(page.getByText('您已签到')));
      await measure(page, width, 'mine-member', '/pages/mine/index', '我的出勤记录');
      await context.close();
    }, 120_000);

    it(`at ${width} px the bureau admin's 首页 and 我的 neither overflow nor break a label`, async () => {
      const { page, context } = await phoneAs(width, '丁慧敏');
      await measure(page, width, 'home-admin', null, card(page, '局党委工作'));
      await measure(page, width, 'mine-admin', '/pages/mine/index', '我的出勤记录');
      await context.close();
    }, 90_000);
  }
});
