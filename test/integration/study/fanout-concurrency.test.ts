import cloud from 'wx-server-sdk';
import type { LocalRuntime } from '../../../emulator/runtime';
import { recountStudy } from '../../../cloudfunctions/core/study/recount';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { createTask, hanzi, inDays, progressOf, studyCounters, taskInput } from './support';

/** Runs with database latency on, so requests interleave between database calls as on CloudBase. */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());
afterEach(() => jest.restoreAllMocks());

const beijingMonthOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);

describe('a bureau task sent to every branch', () => {
  it('retried after a failure half-way, ends with one task per branch and each counted once', async () => {
    const input = taskInput({ title: '全县学习：新修订的教师法', requestId: 'req-fanout-1', dueAt: inDays(10) });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let inserts = 0;
    const handle = runtime.engine.handle.bind(runtime.engine);
    jest.spyOn(runtime.engine, 'handle').mockImplementation(async (action, data) => {
      const collection = (data as { collectionName?: string } | undefined)?.collectionName;
      if (action === 'database.insertDocument' && collection === COLLECTIONS.studyTasks && ++inserts === 4) {
        throw new Error('network lost');
      }
      return handle(action, data);
    });
    const failed = await fx.call('admin', 'study', 'createTask', input);
    expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' });
    jest.restoreAllMocks();
    const month = beijingMonthOf(input.dueAt);
    const written = await countOf(COLLECTIONS.studyTasks, { month, title: input.title });
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(6);

    const retried = await fx.call<{ taskId: string; taskIds: string[] }>('admin', 'study', 'createTask', input);
    if (!retried.ok) throw new Error(retried.message);
    expect(retried.data.taskIds).toHaveLength(6);
    expect(new Set(retried.data.taskIds).size).toBe(6);
    expect(await countOf(COLLECTIONS.studyTasks, { month, title: input.title })).toBe(6);
    // Once more for good measure: nothing new.
    await fx.call('admin', 'study', 'createTask', input);
    expect(await countOf(COLLECTIONS.studyTasks, { month, title: input.title })).toBe(6);

    // Each branch's task is counted once in its branch-month, with the branch's whole membership.
    for (const taskId of retried.data.taskIds) {
      const progress = await progressOf(fx, 'admin', taskId);
      const branchId = (await fx.call<{ branchId: string }>('admin', 'study', 'get', { taskId })) as {
        ok: true;
        data: { branchId: string };
      };
      const counted = (await studyCounters(branchId.data.branchId, month))?.tasks[taskId];
      expect(counted).toEqual({ expected: progress.audienceCount, done: 0, late: 0 });
    }
    const { drift } = await recountStudy([month]);
    expect(drift.filter((d) => retried.data.taskIds.includes(d.taskId))).toEqual([]);
    // memberB gets exactly one copy.
    const list = await fx.call<{ items: { title: string }[] }>('memberB', 'study', 'list', { status: 'todo' });
    expect(list.ok && list.data.items.filter((t) => t.title === input.title)).toHaveLength(1);
  });

  it('a plain secretary cannot fan out', async () => {
    expectRefused(
      await fx.call(
        DEMO.secretaryA.openid,
        'study',
        'createTask',
        taskInput({ branchIds: [DEMO.secretaryB.branchId] }),
      ),
      'FORBIDDEN',
    );
  });
});

describe('completions at the same time', () => {
  // Hundreds of calls, each waiting on several database round trips.
  jest.setTimeout(60_000);

  it('200 members completing at once are each recorded once and counted exactly', async () => {
    const { members, secretary } = await aBranchOf(200, '并发学习测试党支部');
    const taskId = await createTask(fx, secretary.openid!, { reflection: { minLength: 20 }, dueAt: inDays(3) });
    const reflection = hanzi(30);
    // Everyone at once, and a quarter of them twice more (a double tap, a retry).
    const calls = [...members, ...members.slice(0, 50), ...members.slice(0, 50)].map((m) =>
      fx.call(m.openid!, 'study', 'complete', { taskId, reflection }),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await countOf(COLLECTIONS.studyCompletions, { taskId })).toBe(200);
    // The secretary is in the branch too: 201 must study it.
    const progress = await progressOf(fx, secretary.openid!, taskId);
    expect(progress).toMatchObject({ audienceCount: 201, doneCount: 200 });
    expect(progress.todo.map((p) => p.memberId)).toEqual([secretary._id]);
    const counted = (await studyCounters(members[0]!.branchId, beijingMonthOf(inDays(3))))?.tasks[taskId];
    expect(counted).toEqual({ expected: 201, done: 200, late: 0 });
    const list = await fx.call<{ total: number }>(members[0]!.openid!, 'study', 'list', { status: 'done' });
    expect(list).toMatchObject({ ok: true, data: { total: 1 } });
  });

  it('a comment racing an edit: the reflection the comment was written on is the one kept', async () => {
    const taskId = await createTask(fx, DEMO.secretaryA.openid, { reflection: { minLength: 4 } });
    await fx.call(DEMO.memberA.openid, 'study', 'complete', { taskId, reflection: '第一稿心得' });
    const [edit, comment] = await Promise.all([
      fx.call(DEMO.memberA.openid, 'study', 'complete', { taskId, reflection: '第二稿心得' }),
      fx.call(DEMO.secretaryA.openid, 'study', 'comment', { taskId, memberId: DEMO.memberA.memberId, text: '已阅' }),
    ]);
    expect(comment).toMatchObject({ ok: true });
    const after = await fx.call<{ mine: { reflection: string; comment: unknown } }>(
      DEMO.memberA.openid,
      'study',
      'get',
      { taskId },
    );
    expect(after.ok && after.data.mine.comment).toMatchObject({ text: '已阅' });
    // Either the edit landed before the comment, or it was refused; never after it.
    if (edit.ok) expect(after.ok && after.data.mine.reflection).toBe('第二稿心得');
    else expect(edit).toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('the recount never overwrites a completion that lands while it counts', async () => {
    const { members, secretary } = await aBranchOf(40, '重算测试党支部');
    const dueAt = inDays(4);
    const taskId = await createTask(fx, secretary.openid!, { reflection: undefined, dueAt });
    const month = beijingMonthOf(dueAt);
    await Promise.all([
      recountStudy([month]),
      recountStudy([month]),
      ...members.map((m) => fx.call(m.openid!, 'study', 'complete', { taskId })),
    ]);
    await recountStudy([month]);
    expect((await studyCounters(members[0]!.branchId, month))?.tasks[taskId]).toEqual({
      expected: 41,
      done: 40,
      late: 0,
    });
  });

  it('a completion whose count may still be on its way is left for the next run, not counted twice', async () => {
    const { members, secretary } = await aBranchOf(3, '在途计数党支部');
    const dueAt = inDays(5);
    const taskId = await createTask(fx, secretary.openid!, { reflection: undefined, dueAt });
    const month = beijingMonthOf(dueAt);
    await fx.call(members[0]!.openid!, 'study', 'complete', { taskId });
    // The record is written and its bump has not landed yet: the state between the two operations.
    const _ = cloud.database().command;
    await cloud
      .database()
      .collection(COLLECTIONS.branchMonths)
      .doc(`${members[0]!.branchId}_${month}`)
      .update({ data: { [`study.tasks.${taskId}.done`]: _.inc(-1), 'study.done': _.inc(-1) } });

    const now = await recountStudy([month]);
    expect(now.drift.find((d) => d.taskId === taskId)).toMatchObject({ corrected: false });
    expect((await studyCounters(members[0]!.branchId, month))?.tasks[taskId]?.done).toBe(0);

    const later = await recountStudy([month], Date.now() + 3 * 60_000);
    expect(later.drift.find((d) => d.taskId === taskId)).toMatchObject({ corrected: true });
    expect((await studyCounters(members[0]!.branchId, month))?.tasks[taskId]?.done).toBe(1);
  });
});
