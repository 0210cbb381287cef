import type { BranchDoc, NoticeDetail, NoticePosters } from '@zhibu/types';
import cloud from 'wx-server-sdk';
import type { LocalRuntime } from '../../../emulator/runtime';
import { BRANCH_A, COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { COMMITTEE_A, noticeInput, openNotice, postNotice } from '../../support/notices';
import { DEMO, startTestRuntime } from '../../support/runtime';

/** 发布权限: the secretary chooses which committee members may post the branch's notices. */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const COMMITTEE = COMMITTEE_A.openid;

async function branchA(): Promise<BranchDoc> {
  const found = (await cloud.database().collection(COLLECTIONS.branches).doc(BRANCH_A).get()) as unknown as {
    data: BranchDoc;
  };
  return found.data;
}

async function setPosters(caller: string, memberIds: string[]) {
  return fx.call<NoticePosters>(caller, 'notice', 'setPosters', { memberIds });
}

async function posters(caller: string): Promise<NoticePosters> {
  const result = await fx.call<NoticePosters>(caller, 'notice', 'posters', {});
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('who may post notices', () => {
  it('refuses a committee member the secretary has not allowed, and writes nothing', async () => {
    expect(await posters(COMMITTEE)).toMatchObject({ canPost: false, canChange: false });
    const notices = await countOf(COLLECTIONS.notices);
    const deliveries = await countOf(COLLECTIONS.noticeBranches);
    const refused = await fx.call(COMMITTEE, 'notice', 'create', noticeInput({ requestId: 'r-not-allowed' }));
    expectRefused(refused, 'FORBIDDEN');
    expect(refused.ok ? '' : refused.message).toContain('支部书记');
    expect(await countOf(COLLECTIONS.notices)).toBe(notices);
    expect(await countOf(COLLECTIONS.noticeBranches)).toBe(deliveries);

    // Nor may they run the secretary's notice: it stays as it was, and no audit entry is written.
    const noticeId = await postNotice(fx, 'secretaryA', { requireConfirm: true });
    expectRefused(await fx.call(COMMITTEE, 'notice', 'update', { noticeId, patch: { title: '改标题' } }), 'FORBIDDEN');
    expectRefused(await fx.call(COMMITTEE, 'notice', 'withdraw', { noticeId, reason: '不发了' }), 'FORBIDDEN');
    expectRefused(await fx.call(COMMITTEE, 'notice', 'remind', { noticeId }), 'FORBIDDEN');
    const seen = await openNotice(fx, 'memberA', noticeId);
    expect(seen).toMatchObject({ title: noticeInput().title, status: 'published', canManage: false });
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: noticeId })).toBe(0);
    const outbox = await countOf(COLLECTIONS.outbox);
    expect(outbox).toBe(0);
    // They still see the receipts, as the branch committee does.
    const receipts = await fx.call<{ canManage: boolean; audienceCount: number }>(COMMITTEE, 'notice', 'receipts', {
      noticeId,
    });
    expect(receipts.ok && receipts.data).toMatchObject({ canManage: false, audienceCount: 14 });
  });

  it('lets no plain member, committee member or other branch change the setting', async () => {
    const before = await branchA();
    const audits = await countOf(COLLECTIONS.auditLogs, { targetId: BRANCH_A });
    expectRefused(await setPosters('memberA', [DEMO.memberA.memberId]), 'FORBIDDEN');
    expectRefused(await setPosters(COMMITTEE, [COMMITTEE_A.memberId]), 'FORBIDDEN');
    // Branch B's secretary sets their own branch, where branch A's committee member is nobody to choose.
    expectRefused(await setPosters('secretaryB', [COMMITTEE_A.memberId]), 'INVALID_ARGUMENT');
    expect((await branchA()).noticePosters).toEqual(before.noticePosters);
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: BRANCH_A })).toBe(audits);
  });

  it('takes only committee members who are not secretaries', async () => {
    const plain = await setPosters('secretaryA', [DEMO.memberA.memberId]);
    expectRefused(plain, 'INVALID_ARGUMENT');
    expectRefused(await setPosters('secretaryA', [DEMO.secretaryA.memberId]), 'INVALID_ARGUMENT');
    expect((await branchA()).noticePosters ?? []).toEqual([]);
  });

  it('lets an allowed committee member post and run notices, audit-logged, until the secretary takes it back', async () => {
    const set = await setPosters('secretaryA', [COMMITTEE_A.memberId]);
    if (!set.ok) throw new Error(set.message);
    expect(set.data.committee.find((c) => c.memberId === COMMITTEE_A.memberId)).toMatchObject({
      name: '李秀英',
      allowed: true,
    });
    expect((await branchA()).noticePosters).toEqual([COMMITTEE_A.memberId]);
    const { data: logs } = (await cloud
      .database()
      .collection(COLLECTIONS.auditLogs)
      .where({ targetId: BRANCH_A })
      .get()) as unknown as { data: { action: string }[] };
    const entries = logs.filter((l) => l.action === 'branch.setNoticePosters');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: DEMO.secretaryA.memberId,
      before: { noticePosters: [] },
      after: { noticePosters: ['李秀英'] },
    });

    expect(await posters(COMMITTEE)).toMatchObject({ canPost: true, canChange: false });
    const own = await postNotice(fx, COMMITTEE, { title: '支委发布的通知' });
    expect(await openNotice(fx, 'memberA', own)).toMatchObject({ title: '支委发布的通知', postedByName: '李秀英' });
    const theirs = await postNotice(fx, 'secretaryA');
    const edited = await fx.call<NoticeDetail>(COMMITTEE, 'notice', 'update', {
      noticeId: theirs,
      patch: { title: '支委修改的标题' },
    });
    expect(edited.ok && edited.data).toMatchObject({ title: '支委修改的标题', canManage: true });
    const reminded = await fx.call<{ sent: number }>(COMMITTEE, 'notice', 'remind', { noticeId: theirs });
    expect(reminded.ok && reminded.data.sent).toBeGreaterThan(0);

    // Taken back: refused again at once, the earlier notices stay.
    expect((await setPosters('secretaryA', [])).ok).toBe(true);
    expectRefused(await fx.call(COMMITTEE, 'notice', 'create', noticeInput()), 'FORBIDDEN');
    expectRefused(await fx.call(COMMITTEE, 'notice', 'withdraw', { noticeId: own, reason: '撤回试试' }), 'FORBIDDEN');
    expect((await openNotice(fx, 'memberA', own)).status).toBe('published');
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: BRANCH_A })).toBe(logs.length + 1);
  });
});
