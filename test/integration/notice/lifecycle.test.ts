import cloud from 'wx-server-sdk';
import type { NoticeDetail } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import {
  BRANCH_A,
  BRANCH_B,
  COLLECTIONS,
  countOf,
  expectRefused,
  fixtureFor,
  type Fixture,
} from '../../support/fixture';
import { COMMITTEE_A, inbox, noticeInput, openNotice, postNotice, receiptsOf } from '../../support/notices';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

describe('a branch notice', () => {
  it('reaches the whole branch by default, pinned first, with an unread dot until opened', async () => {
    const plain = await postNotice(fx, 'secretaryA', { title: '普通通知' });
    const pinned = await postNotice(fx, 'secretaryA', { title: '置顶通知', pinned: true, category: 'announcement' });
    const list = await inbox(fx, 'memberA');
    expect(list.items.map((i) => i.noticeId).slice(0, 2)).toEqual([pinned, plain]);
    expect(list.items[0]).toMatchObject({ title: '置顶通知', pinned: true, category: 'announcement', read: false });
    expect(list.unread).toBeGreaterThanOrEqual(2);

    const detail = await openNotice(fx, 'memberA', plain);
    expect(detail).toMatchObject({ title: '普通通知', inAudience: true, canManage: false });
    expect(detail.readAt).not.toBeNull();
    const after = await inbox(fx, 'memberA');
    expect(after.items.find((i) => i.noticeId === plain)?.read).toBe(true);
    expect(after.unread).toBe(list.unread - 1);

    // Branch B never sees it, and asking for it by id answers as for a missing one.
    const b = await inbox(fx, 'memberB');
    expect(b.items.map((i) => i.noticeId)).not.toContain(plain);
    expectRefused(await fx.call('memberB', 'notice', 'get', { noticeId: plain }), 'NOT_FOUND');
    expectRefused(await fx.call('memberB', 'notice', 'get', { noticeId: 'n-missing' }), 'NOT_FOUND');
  });

  it('goes to a party group or chosen members only', async () => {
    const group = await postNotice(fx, 'secretaryA', { audience: { kind: 'group', partyGroupId: 'g3' } });
    const chosen = await postNotice(fx, 'secretaryA', { audience: { kind: 'members', memberIds: ['b-qhyz-05'] } });
    const r = await receiptsOf(fx, 'secretaryA', group);
    expect(r.audienceCount).toBe(3);
    expectRefused(await fx.call('memberA', 'notice', 'get', { noticeId: group }), 'NOT_FOUND');
    expectRefused(await fx.call('memberA', 'notice', 'get', { noticeId: chosen }), 'NOT_FOUND');
    expect((await receiptsOf(fx, 'secretaryA', chosen)).unread.map((p) => p.memberId)).toEqual(['b-qhyz-05']);
  });

  it('asks for 签收: one tap confirms, again answers the same time, and the receipts count it', async () => {
    const noticeId = await postNotice(fx, 'secretaryA', { requireConfirm: true });
    const first = await fx.call<{ confirmedAt: string }>('memberA', 'notice', 'confirm', { noticeId });
    const again = await fx.call<{ confirmedAt: string }>('memberA', 'notice', 'confirm', { noticeId });
    expect(first.ok && again.ok && first.data.confirmedAt === again.data.confirmedAt).toBe(true);
    const r = await receiptsOf(fx, 'secretaryA', noticeId);
    expect(r).toMatchObject({ readCount: 1, confirmedCount: 1, requireConfirm: true });
    expect(r.confirmed.map((p) => p.name)).toEqual(['刘洋']);
    expect(r.read.map((p) => p.memberId)).toEqual([DEMO.memberA.memberId]);
    expect(r.unread).toHaveLength(r.audienceCount - 1);
    expect(r.unread.map((p) => p.memberId)).not.toContain(DEMO.memberA.memberId);
    // A notice without 签收 cannot be confirmed.
    const plain = await postNotice(fx, 'secretaryA');
    expectRefused(await fx.call('memberA', 'notice', 'confirm', { noticeId: plain }), 'FAILED_PRECONDITION');
  });

  it('is edited with 已修改 and withdrawn with a reason, both in the audit log', async () => {
    const noticeId = await postNotice(fx, 'secretaryA');
    const edited = await fx.call<NoticeDetail>('secretaryA', 'notice', 'update', {
      noticeId,
      patch: { title: '关于调整主题党日时间的通知', body: '改为周六上午。' },
    });
    expect(edited.ok).toBe(true);
    const seen = await openNotice(fx, 'memberA', noticeId);
    expect(seen).toMatchObject({ title: '关于调整主题党日时间的通知', body: '改为周六上午。' });
    expect(seen.updatedAt).not.toBeNull();
    // Only the committee of the branch edits; a member is refused.
    expectRefused(await fx.call('memberA', 'notice', 'update', { noticeId, patch: { title: 'x' } }), 'FORBIDDEN');

    const withdrawn = await fx.call<NoticeDetail>('secretaryA', 'notice', 'withdraw', {
      noticeId,
      reason: '时间另行通知',
    });
    expect(withdrawn.ok).toBe(true);
    const gone = await openNotice(fx, 'memberA', noticeId);
    expect(gone).toMatchObject({ status: 'withdrawn', body: '', attachments: [], withdrawReason: '时间另行通知' });
    expect((await inbox(fx, 'memberA')).items.find((i) => i.noticeId === noticeId)?.status).toBe('withdrawn');
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: noticeId })).toBe(2);
    expectRefused(
      await fx.call('secretaryA', 'notice', 'withdraw', { noticeId, reason: '再撤一次' }),
      'FAILED_PRECONDITION',
    );
  });

  it('may be posted by a committee member the secretary allows, not by a plain member', async () => {
    expect((await fx.call('secretaryA', 'notice', 'setPosters', { memberIds: [COMMITTEE_A.memberId] })).ok).toBe(true);
    const noticeId = await postNotice(fx, COMMITTEE_A.openid);
    expect((await openNotice(fx, 'memberA', noticeId)).postedByName).toBe('李秀英');
    expectRefused(await fx.call('memberA', 'notice', 'create', noticeInput()), 'FORBIDDEN');
  });
});

describe('a bureau notice', () => {
  it('goes to every branch by default, and its receipts are a table of branches', async () => {
    const noticeId = await postNotice(fx, 'admin', { title: '局党委关于学习贯彻的通知', requireConfirm: true });
    const find = async (caller: string) => (await inbox(fx, caller)).items.find((i) => i.noticeId === noticeId);
    expect(await find('memberA')).toMatchObject({ fromBureau: true, postedByName: '局党委', read: false });
    expect(await find('memberB')).toMatchObject({ fromBureau: true, requireConfirm: true, confirmed: false });
    await openNotice(fx, 'memberA', noticeId);
    await fx.call('memberB', 'notice', 'confirm', { noticeId });
    const table = await receiptsOf(fx, 'admin', noticeId);
    const branches = await countOf(COLLECTIONS.branches, { active: true });
    expect(table.branches).toHaveLength(branches);
    expect(table.branches!.find((b) => b.branchId === BRANCH_A)).toMatchObject({ readCount: 1, confirmedCount: 0 });
    expect(table.branches!.find((b) => b.branchId === BRANCH_B)).toMatchObject({ readCount: 1, confirmedCount: 1 });
    expect(table).toMatchObject({ readCount: 2, confirmedCount: 1, unread: [] });
    // An admin opens one branch to see the names.
    const a = await receiptsOf(fx, 'admin', noticeId, BRANCH_A);
    expect(a.read.map((p) => p.memberId)).toEqual([DEMO.memberA.memberId]);
    // Branch A's secretary sees branch A's lists, never B's.
    const mine = await receiptsOf(fx, 'secretaryA', noticeId);
    expect(mine).toMatchObject({ branchId: BRANCH_A, readCount: 1 });
    expect(mine.branches).toBeUndefined();
    expectRefused(await fx.call('secretaryA', 'notice', 'receipts', { noticeId, branchId: BRANCH_B }), 'NOT_FOUND');
    // The secretary does not run a bureau notice.
    expectRefused(await fx.call('secretaryA', 'notice', 'withdraw', { noticeId, reason: '不能撤回' }), 'FORBIDDEN');
  });

  it('goes to the chosen branches only', async () => {
    const noticeId = await postNotice(fx, 'admin', { branchIds: [BRANCH_B] });
    expect((await inbox(fx, 'memberB')).items.map((i) => i.noticeId)).toContain(noticeId);
    expectRefused(await fx.call('memberA', 'notice', 'get', { noticeId }), 'NOT_FOUND');
    expect((await receiptsOf(fx, 'admin', noticeId)).branches).toHaveLength(1);
  });

  it('is posted once when the same request is sent again', async () => {
    const requestId = 'req-retry-1';
    const first = await postNotice(fx, 'admin', { requestId });
    const second = await postNotice(fx, 'admin', { requestId });
    expect(second).toBe(first);
    expect(await countOf(COLLECTIONS.notices, { _id: first })).toBe(1);
    expect(await countOf(COLLECTIONS.noticeBranches, { noticeId: first })).toBe(
      await countOf(COLLECTIONS.branches, { active: true }),
    );
  });
});

describe('who must read is fixed at posting', () => {
  it('a member bound later neither counts in 应读 nor sees the earlier notice', async () => {
    const noticeId = await postNotice(fx, 'secretaryA');
    const before = await receiptsOf(fx, 'secretaryA', noticeId);
    const late = await aMember(BRANCH_A, { name: '新调入' });
    expect((await receiptsOf(fx, 'secretaryA', noticeId)).audienceCount).toBe(before.audienceCount);
    expectRefused(await fx.call(late.openid!, 'notice', 'get', { noticeId }), 'NOT_FOUND');
    expect((await inbox(fx, late.openid!)).items.map((i) => i.noticeId)).not.toContain(noticeId);
    const next = await postNotice(fx, 'secretaryA');
    expect((await inbox(fx, late.openid!)).items.map((i) => i.noticeId)).toEqual([next]);
    expect((await receiptsOf(fx, 'secretaryA', next)).audienceCount).toBe(before.audienceCount + 1);
  });
});

describe('attachments', () => {
  const own = (name: string) => `local://notices/${DEMO.secretaryA.memberId}/${name}`;

  it('accepts files from the poster’s own folder and answers them with a kind and a URL slot', async () => {
    const noticeId = await postNotice(fx, 'secretaryA', {
      attachments: [
        { fileId: own('a1.pdf'), name: '学习材料.pdf', size: 1200 },
        { fileId: own('a2.jpg'), name: '海报.jpg', size: 800 },
      ],
    });
    const detail = await openNotice(fx, 'memberA', noticeId);
    expect(detail.attachments.map((a) => [a.name, a.kind])).toEqual([
      ['学习材料.pdf', 'document'],
      ['海报.jpg', 'image'],
    ]);
  });

  it('refuses another member’s folder, another area’s files and unlisted types', async () => {
    for (const fileId of [
      `local://notices/${DEMO.secretaryB.memberId}/x.pdf`,
      'local://minutes/x.pdf',
      `local://notices/${DEMO.secretaryA.memberId}/../b/x.pdf`,
    ]) {
      expectRefused(
        await fx.call(
          'secretaryA',
          'notice',
          'create',
          noticeInput({ attachments: [{ fileId, name: 'x.pdf', size: 1 }] }),
        ),
        'INVALID_ARGUMENT',
      );
    }
    expectRefused(
      await fx.call(
        'secretaryA',
        'notice',
        'create',
        noticeInput({ attachments: [{ fileId: own('x.exe'), name: 'x.exe', size: 1 }] }),
      ),
      'INVALID_ARGUMENT',
    );
  });
});

describe('the reminder', () => {
  it('goes once to those who have not read, and a second within 24 h is refused', async () => {
    const noticeId = await postNotice(fx, 'secretaryA', { requireConfirm: true });
    await fx.call('memberA', 'notice', 'confirm', { noticeId });
    const outboxBefore = await countOf(COLLECTIONS.outbox);
    const [a, b] = await Promise.all([
      fx.call<{ sent: number }>('secretaryA', 'notice', 'remind', { noticeId }),
      fx.call<{ sent: number }>('secretaryA', 'notice', 'remind', { noticeId }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expectRefused(refused, 'FAILED_PRECONDITION');
    const ok = results.find((r) => r.ok) as { ok: true; data: { sent: number } };
    const receipts = await receiptsOf(fx, 'secretaryA', noticeId);
    // Everyone bound but memberA, who confirmed (the seed has one unbound member in branch A).
    expect(ok.data.sent).toBe(receipts.audienceCount - 2);
    expect((await countOf(COLLECTIONS.outbox)) - outboxBefore).toBe(ok.data.sent);
    const sentTo = (await cloud
      .database()
      .collection(COLLECTIONS.outbox)
      .where({ page: `pages/notice/detail/index?id=${noticeId}` })
      .get()) as unknown as {
      data: { touser: string }[];
    };
    expect(sentTo.data.map((m) => m.touser)).not.toContain(DEMO.memberA.openid);
    expect(receipts.reminder).toMatchObject({ sent: ok.data.sent, failed: 0 });
    expectRefused(await fx.call('memberA', 'notice', 'remind', { noticeId }), 'FORBIDDEN');
  });
});

describe('hostile input', () => {
  it.each([
    ['an empty title', { title: '' }],
    ['a 100-character title', { title: '长'.repeat(100) }],
    ['a body over 10,000 characters', { body: '字'.repeat(10_001) }],
    ['a deadline in the past', { requireConfirm: true, confirmBy: '2020-01-01T00:00:00+08:00' }],
    ['an unknown category', { category: 'gossip' }],
    [
      'ten attachments',
      {
        attachments: Array.from({ length: 10 }, (_, i) => ({
          fileId: `local://notices/b-qhyz-01/${i}.pdf`,
          name: `${i}.pdf`,
          size: 1,
        })),
      },
    ],
    [
      'an attachment over 20 MB',
      { attachments: [{ fileId: 'local://notices/b-qhyz-01/a.pdf', name: 'a.pdf', size: 21 * 1024 * 1024 }] },
    ],
  ])('refuses %s with a Chinese message and writes nothing', async (_what, overrides) => {
    const before = await countOf(COLLECTIONS.notices);
    const result = await fx.call('secretaryA', 'notice', 'create', noticeInput(overrides));
    expectRefused(result, 'INVALID_ARGUMENT');
    expect(!result.ok && /[\u4e00-\u9fa5]/.test(result.message)).toBe(true);
    expect(await countOf(COLLECTIONS.notices)).toBe(before);
  });

  it('refuses a secretary choosing branches, and members of another branch in the audience', async () => {
    expectRefused(
      await fx.call('secretaryA', 'notice', 'create', noticeInput({ branchIds: [BRANCH_B] })),
      'INVALID_ARGUMENT',
    );
    expectRefused(
      await fx.call(
        'secretaryA',
        'notice',
        'create',
        noticeInput({ audience: { kind: 'members', memberIds: [DEMO.memberB.memberId] } }),
      ),
      'INVALID_ARGUMENT',
    );
    expectRefused(await fx.call('secretaryA', 'notice', 'create', noticeInput({ scope: 'bureau' })), 'FORBIDDEN');
  });

  it('a secretary of another branch cannot touch branch A’s notice: NOT_FOUND everywhere', async () => {
    const noticeId = await postNotice(fx, 'secretaryA');
    for (const [action, data] of [
      ['get', { noticeId }],
      ['confirm', { noticeId }],
      ['receipts', { noticeId }],
      ['remind', { noticeId }],
      ['update', { noticeId, patch: { title: '改' } }],
      ['withdraw', { noticeId, reason: '撤回原因' }],
    ] as const) {
      expectRefused(await fx.call('secretaryB', 'notice', action, data), 'NOT_FOUND');
    }
    expect((await openNotice(fx, 'secretaryA', noticeId)).status).toBe('published');
  });

  it('a huge page is refused, a far page is empty', async () => {
    expectRefused(await fx.call('memberA', 'notice', 'list', { page: 1, pageSize: 5000 }), 'INVALID_ARGUMENT');
    const far = await inbox(fx, 'memberA', 9999, 50);
    expect(far.items).toEqual([]);
    expect(far.total).toBeGreaterThan(0);
  });
});

it('every query is covered by a declared index', () => {
  expect(runtime.indexWarnings).toEqual([]);
});
