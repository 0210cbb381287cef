import cloud from 'wx-server-sdk';
import { COLLECTIONS, type DevelopmentCandidateDoc, type MemberDoc, type Timeline } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { candidateInA, unwrap } from './helpers';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const db = () => cloud.database();
const memberOf = async (id: string) =>
  ((await db().collection(COLLECTIONS.members).doc(id).get()) as unknown as { data: MemberDoc }).data;
const candidateDoc = async (id: string) =>
  (
    (await db().collection(COLLECTIONS.developmentCandidates).doc(id).get()) as unknown as {
      data: DevelopmentCandidateDoc;
    }
  ).data;
const vote = (entitled: number, present: number, votesFor: number, votesAgainst: number) => ({
  entitled,
  present,
  votesFor,
  votesAgainst,
});

describe('the pipeline from application to 转正', () => {
  it('records every step with consistent dates; the member status follows the stages', async () => {
    const { candidateId, member, sponsors } = await candidateInA(fx.call);
    expect((await memberOf(member._id)).status).toBe('发展对象');
    const rec = (caller: string, data: Record<string, unknown>) =>
      fx.call<Timeline>(caller, 'development', 'record', { candidateId, ...data });
    unwrap(await rec('secretaryA', { step: 'politicalReview', date: '2024-05-06', conclusion: '政治合格' }));
    unwrap(await rec('secretaryA', { step: 'training', date: '2024-05-10', hours: 24 }));
    unwrap(await rec('committeeA', { step: 'committeeReview', date: '2024-05-20' }));
    // 预审 is the bureau's: a secretary is refused, the admin records it.
    expectRefused(await rec('secretaryA', { step: 'prereview', date: '2024-05-27' }), 'FORBIDDEN');
    unwrap(await rec('admin', { step: 'prereview', date: '2024-05-27' }));
    unwrap(await rec('secretaryA', { step: 'publicity', date: '2024-06-03', endDate: '2024-06-07' }));
    unwrap(await rec('secretaryA', { step: 'branchVote', date: '2024-06-12', ...vote(20, 18, 17, 1) }));
    const approved = unwrap(await rec('admin', { step: 'approval', date: '2024-07-01' }));
    expect(approved.stage).toBe('预备党员');
    expect((await memberOf(member._id)).status).toBe('预备党员');
    unwrap(await rec('secretaryA', { step: 'oath', date: '2024-07-01' }));
    // A sponsor writes a 考察 note themselves.
    unwrap(await rec(sponsors[0].openid!, { step: 'probationReview', date: '2024-09-10', note: '按期考察，表现良好' }));
    for (const date of ['2024-12-10', '2025-03-10', '2025-06-10']) {
      unwrap(await rec('secretaryA', { step: 'probationReview', date, note: '按期考察' }));
    }
    unwrap(await rec('secretaryA', { step: 'fullVote', date: '2025-06-12', ...vote(21, 20, 20, 0) }));
    const done = unwrap(await rec('admin', { step: 'fullApproval', date: '2025-07-01' }));
    expect(done.stage).toBe('正式党员');
    expect(done.next).toEqual([]);
    expect(done.steps.map((s) => s.step)).toEqual([
      'apply',
      'activist',
      'activistReview',
      'activistReview',
      'candidate',
      'politicalReview',
      'training',
      'committeeReview',
      'prereview',
      'publicity',
      'branchVote',
      'approval',
      'oath',
      'probationReview',
      'probationReview',
      'probationReview',
      'probationReview',
      'fullVote',
      'fullApproval',
    ]);
    expect(done.steps.find((s) => s.step === 'probationReview')).toMatchObject({
      by: sponsors[0]._id,
      byName: '王培养',
    });
    expect(done.steps.find((s) => s.step === 'prereview')).toMatchObject({
      byName: expect.any(String),
      date: '2024-05-27',
    });
    const after = await memberOf(member._id);
    expect(after).toMatchObject({ status: '正式党员', candidacyId: null });

    // Every step is in the audit log with who recorded it.
    const { data: entries } = (await db()
      .collection(COLLECTIONS.auditLogs)
      .where({ targetId: candidateId })
      .orderBy('_id', 'asc')
      .limit(100)
      .get()) as unknown as { data: { action: string; actorName: string; after: { step?: string } }[] };
    expect(entries).toHaveLength(19);
    expect(entries[0]).toMatchObject({ action: 'development.start' });
    expect(entries.filter((e) => e.action === 'development.record').every((e) => e.actorName.length > 0)).toBe(true);
  });
});

describe('refusals name their rule', () => {
  it('a 发展对象 less than a year after becoming an activist', async () => {
    const { candidateId } = await candidateInA(fx.call, 'activist');
    for (const date of ['2023-10-09']) {
      unwrap(
        await fx.call('secretaryA', 'development', 'record', { candidateId, step: 'activistReview', date, note: '好' }),
      );
    }
    const result = await fx.call('secretaryA', 'development', 'record', {
      candidateId,
      step: 'candidate',
      date: '2024-01-10',
    });
    expectRefused(result, 'FAILED_PRECONDITION');
    expect(!result.ok && result.message).toContain('「入党积极分子培养满一年」');
    expect((await candidateDoc(candidateId)).entries).toHaveLength(3);
  });

  it('a 公示 shorter than 5 working days, and a vote without a majority of those entitled', async () => {
    const { candidateId } = await candidateInA(fx.call);
    const rec = (caller: string, data: Record<string, unknown>) =>
      fx.call<Timeline>(caller, 'development', 'record', { candidateId, ...data });
    unwrap(await rec('secretaryA', { step: 'politicalReview', date: '2024-05-06' }));
    unwrap(await rec('secretaryA', { step: 'training', date: '2024-05-10', hours: 24 }));
    unwrap(await rec('secretaryA', { step: 'committeeReview', date: '2024-05-20' }));
    unwrap(await rec('admin', { step: 'prereview', date: '2024-05-27' }));
    const short = await rec('secretaryA', { step: 'publicity', date: '2024-06-07', endDate: '2024-06-12' });
    expectRefused(short, 'FAILED_PRECONDITION');
    expect(!short.ok && short.message).toBe(
      '不符合「公示不少于5个工作日」：公示 2024-06-07 至 2024-06-12 只有 4 个工作日，须不少于 5 个',
    );
    unwrap(await rec('secretaryA', { step: 'publicity', date: '2024-06-03', endDate: '2024-06-07' }));
    const minority = await rec('secretaryA', { step: 'branchVote', date: '2024-06-12', ...vote(20, 12, 10, 2) });
    expectRefused(minority, 'FAILED_PRECONDITION');
    expect(!minority.ok && minority.message).toContain('「赞成票超过应到会有表决权党员的半数」');
    const timeline = unwrap(await fx.call<Timeline>('secretaryA', 'development', 'timeline', { candidateId }));
    expect(timeline.next.map((n) => n.step)).toEqual(['branchVote']);
  });

  it('sponsors who are not full members', async () => {
    const { candidateId } = await candidateInA(fx.call, 'apply');
    const probationer = await fx.boundMember();
    await db()
      .collection(COLLECTIONS.members)
      .doc(probationer._id)
      .update({ data: { status: '预备党员' } });
    const other = await fx.boundMember();
    const result = await fx.call('secretaryA', 'development', 'record', {
      candidateId,
      step: 'activist',
      date: '2023-04-10',
      sponsorIds: [probationer._id, other._id],
    });
    expectRefused(result, 'FAILED_PRECONDITION');
    expect(!result.ok && result.message).toContain('「两名正式党员作培养联系人」');
  });
});

describe('status changes only through the pipeline', () => {
  it('member.update refuses a status change for a candidate, and allows other fields', async () => {
    const { member } = await candidateInA(fx.call, 'activist');
    const refused = await fx.call('secretaryA', 'member', 'update', {
      memberId: member._id,
      patch: { status: '正式党员' },
    });
    expectRefused(refused, 'FAILED_PRECONDITION');
    expect((await memberOf(member._id)).status).toBe('入党积极分子');
    unwrap(await fx.call('secretaryA', 'member', 'update', { memberId: member._id, patch: { position: '数学教师' } }));
  });

  it('only 申请入党 or 入党积极分子 may start', async () => {
    const full = await fx.boundMember();
    const result = await fx.call('secretaryA', 'development', 'start', { memberId: full._id, appliedAt: '2024-01-01' });
    expectRefused(result, 'FAILED_PRECONDITION');
  });
});

describe('corrections', () => {
  it('are new entries pointing to the old one, checked against the whole timeline', async () => {
    const { candidateId } = await candidateInA(fx.call);
    const before = unwrap(await fx.call<Timeline>('secretaryA', 'development', 'timeline', { candidateId }));
    const candidateEntry = before.steps.find((s) => s.step === 'candidate')!;
    // Moving 确定为入党积极分子 later would leave 列为发展对象 short of a year: refused.
    const activistEntry = before.steps.find((s) => s.step === 'activist')!;
    const broken = await fx.call('secretaryA', 'development', 'correct', {
      candidateId,
      entryId: activistEntry.entryId,
      step: 'activist',
      date: '2023-06-01',
      sponsorIds: before.sponsorIds,
      reason: '日期录错',
    });
    expectRefused(broken, 'FAILED_PRECONDITION');
    expect(!broken.ok && broken.message).toContain('「入党积极分子培养满一年」');
    const fixed = unwrap(
      await fx.call<Timeline>('secretaryA', 'development', 'correct', {
        candidateId,
        entryId: candidateEntry.entryId,
        step: 'candidate',
        date: '2024-04-20',
        reason: '以支委会记录为准',
      }),
    );
    expect(fixed.steps).toHaveLength(before.steps.length + 1);
    expect(fixed.steps.find((s) => s.entryId === candidateEntry.entryId)).toMatchObject({
      date: '2024-04-15',
      supersededBy: expect.any(String),
    });
    expect(fixed.steps.at(-1)).toMatchObject({
      corrects: candidateEntry.entryId,
      date: '2024-04-20',
      reason: '以支委会记录为准',
    });
    expect(fixed.next.find((n) => n.step === 'politicalReview')?.dueBy).toBe('2024-07-20');
  });
});

describe('concurrency', () => {
  it('two secretaries recording the same step at once give one entry', async () => {
    const { candidateId } = await candidateInA(fx.call, 'activist');
    const data = { candidateId, step: 'activistReview', date: '2023-10-09', note: '同时记录' };
    const results = await Promise.all([
      fx.call<Timeline>('secretaryA', 'development', 'record', data),
      fx.call<Timeline>('committeeA', 'development', 'record', data),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const doc = await candidateDoc(candidateId);
    expect(doc.entries.filter((e) => e.step === 'activistReview')).toHaveLength(1);
  });

  it('two starts of the same member at once give one candidacy', async () => {
    const member = await fx.boundMember();
    await db()
      .collection(COLLECTIONS.members)
      .doc(member._id)
      .update({ data: { status: '申请入党' } });
    const data = { memberId: member._id, appliedAt: '2024-03-01' };
    const results = await Promise.all([
      fx.call<{ candidateId: string }>('secretaryA', 'development', 'start', data),
      fx.call<{ candidateId: string }>('committeeA', 'development', 'start', data),
    ]);
    expect(results.map((r) => r.ok && r.data.candidateId)).toEqual([`d_${member._id}`, `d_${member._id}`]);
    expect((await candidateDoc(`d_${member._id}`)).entries).toHaveLength(1);
  });
});

describe('who sees what', () => {
  it('a member sees only their own timeline; another branch gets NOT_FOUND', async () => {
    const { candidateId, member } = await candidateInA(fx.call, 'activist');
    const own = unwrap(await fx.call<{ timeline: Timeline | null }>(member.openid!, 'development', 'mine'));
    expect(own.timeline).toMatchObject({ candidateId, stage: '入党积极分子', canRecord: [] });
    expect(unwrap(await fx.call<{ timeline: Timeline | null }>('memberA', 'development', 'mine')).timeline).toBeNull();
    expectRefused(await fx.call('memberA', 'development', 'timeline', { candidateId }), 'NOT_FOUND');
    expectRefused(await fx.call('secretaryB', 'development', 'timeline', { candidateId }), 'NOT_FOUND');
    expectRefused(
      await fx.call('secretaryB', 'development', 'record', {
        candidateId,
        step: 'activistReview',
        date: '2023-10-09',
        note: 'x',
      }),
      'NOT_FOUND',
    );
    expectRefused(
      await fx.call(member.openid!, 'development', 'record', {
        candidateId,
        step: 'activistReview',
        date: '2023-10-09',
        note: 'x',
      }),
      'FORBIDDEN',
    );
  });

  it('the secretary is reminded of steps due within 14 days; the bureau sees the pipeline', async () => {
    // An activist whose 考察 fell due long ago: overdue.
    const { candidateId } = await candidateInA(fx.call, 'activist');
    const due = unwrap(
      await fx.call<{ items: { candidateId: string; step: string; overdue: boolean }[] }>(
        'secretaryA',
        'development',
        'due',
      ),
    );
    expect(due.items).toContainEqual(expect.objectContaining({ candidateId, step: 'activistReview', overdue: true }));
    expect(
      unwrap(await fx.call<{ items: { candidateId: string }[] }>('secretaryB', 'development', 'due')).items.map(
        (i) => i.candidateId,
      ),
    ).not.toContain(candidateId);
    const view = unwrap(
      await fx.call<{ branches: { branchId: string; counts: Record<string, number>; overdue: number }[] }>(
        'admin',
        'development',
        'pipeline',
      ),
    );
    const a = view.branches.find((b) => b.branchId === 'b-qhyz')!;
    expect(a.counts['入党积极分子']).toBeGreaterThanOrEqual(1);
    expect(a.overdue).toBeGreaterThanOrEqual(1);
  });
});
