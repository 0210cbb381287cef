import type { StudyTaskSummary } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { BRANCH_A, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { createTask, hanzi, inDays, progressOf, setTaskDates, studyCounters, taskDetail } from './support';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const beijingMonthOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);

async function listOf(caller: string, status: 'todo' | 'done') {
  const result = await fx.call<{ items: StudyTaskSummary[]; total: number }>(caller, 'study', 'list', {
    status,
    page: 1,
    pageSize: 50,
  });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('a study task from creation to comment', () => {
  it('the member lists it, completes it with a reflection, and the committee sees it and comments', async () => {
    const dueAt = inDays(5);
    const taskId = await createTask(fx, 'secretaryA', { dueAt });
    const todo = await listOf('memberA', 'todo');
    expect(todo.items.find((t) => t.taskId === taskId)).toMatchObject({
      done: false,
      reflectionMin: 200,
      daysLeft: 5,
    });
    expect(await progressOf(fx, 'secretaryA', taskId)).toMatchObject({ audienceCount: 14, doneCount: 0 });
    expect((await studyCounters(BRANCH_A, beijingMonthOf(dueAt)))?.tasks[taskId]).toEqual({
      expected: 14,
      done: 0,
      late: 0,
    });

    const done = await fx.call('memberA', 'study', 'complete', { taskId, reflection: hanzi(200) });
    expect(done).toMatchObject({ ok: true, data: { late: false } });
    expect((await listOf('memberA', 'todo')).items.map((t) => t.taskId)).not.toContain(taskId);
    expect((await listOf('memberA', 'done')).items.find((t) => t.taskId === taskId)).toMatchObject({ done: true });

    const progress = await progressOf(fx, 'secretaryA', taskId);
    expect(progress).toMatchObject({ audienceCount: 14, doneCount: 1 });
    expect(progress.done).toEqual([expect.objectContaining({ memberId: DEMO.memberA.memberId, hasReflection: true })]);
    expect(progress.todo).toHaveLength(13);
    expect(progress.todo.map((p) => p.memberId)).not.toContain(DEMO.memberA.memberId);
    expect((await studyCounters(BRANCH_A, beijingMonthOf(dueAt)))?.tasks[taskId]).toEqual({
      expected: 14,
      done: 1,
      late: 0,
    });

    const read = await fx.call('secretaryA', 'study', 'completion', { taskId, memberId: DEMO.memberA.memberId });
    expect(read).toMatchObject({ ok: true, data: { reflection: hanzi(200), comment: null } });
    const commented = await fx.call('secretaryA', 'study', 'comment', {
      taskId,
      memberId: DEMO.memberA.memberId,
      text: '体会深刻，联系实际。',
      excellent: true,
    });
    expect(commented).toMatchObject({ ok: true, data: { excellent: true, comment: { text: '体会深刻，联系实际。' } } });
    const mine = await taskDetail(fx, 'memberA', taskId);
    expect(mine.mine).toMatchObject({
      reflection: hanzi(200),
      excellent: true,
      editable: false,
      comment: { text: '体会深刻，联系实际。', byName: expect.any(String) },
    });
  });

  it('a reflection marked 优秀 is shared with the branch, with its author; nothing else is', async () => {
    const author = await fx.boundMember();
    const other = await fx.boundMember();
    const second = await createTask(fx, 'secretaryA', { title: '优秀分享测试' });
    await fx.call(author.openid!, 'study', 'complete', { taskId: second, reflection: hanzi(210) });
    await fx.call(other.openid!, 'study', 'complete', { taskId: second, reflection: `${hanzi(200)}不分享` });
    await fx.call('secretaryA', 'study', 'comment', {
      taskId: second,
      memberId: author._id,
      text: '好',
      excellent: true,
    });
    await fx.call('secretaryA', 'study', 'comment', { taskId: second, memberId: other._id, text: '可以' });

    const sharedA = await fx.call<{ items: { memberName: string; reflection: string; taskId: string }[] }>(
      'memberA',
      'study',
      'shared',
      { taskId: second, page: 1, pageSize: 20 },
    );
    expect(sharedA.ok && sharedA.data.items).toEqual([
      expect.objectContaining({ taskId: second, memberName: author.name, reflection: hanzi(210) }),
    ]);
    const sharedB = await fx.call<{ items: unknown[] }>('memberB', 'study', 'shared', { page: 1, pageSize: 50 });
    expect(sharedB.ok && sharedB.data.items.filter((i) => JSON.stringify(i).includes(second))).toEqual([]);
    expectRefused(await fx.call('memberB', 'study', 'shared', { taskId: second, page: 1, pageSize: 5 }), 'NOT_FOUND');
  });
});

describe('the reflection length', () => {
  it('counts characters, not bytes, after trimming whitespace', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '字数测试', reflection: { minLength: 10 } });
    // 9 汉字 is 27 bytes: too short in characters.
    expectRefused(await fx.call('memberA', 'study', 'complete', { taskId, reflection: hanzi(9) }), 'INVALID_ARGUMENT');
    // Whitespace around does not count.
    expectRefused(
      await fx.call('memberA', 'study', 'complete', { taskId, reflection: `   \n${hanzi(9)}\n\t   ` }),
      'INVALID_ARGUMENT',
    );
    expectRefused(await fx.call('memberA', 'study', 'complete', { taskId }), 'INVALID_ARGUMENT');
    expect((await progressOf(fx, 'secretaryA', taskId)).doneCount).toBe(0);
    // An emoji is one character, as a member counts it.
    const ok = await fx.call('memberA', 'study', 'complete', { taskId, reflection: `  ${hanzi(9)}👍  ` });
    expect(ok).toMatchObject({ ok: true });
    expect((await taskDetail(fx, 'memberA', taskId)).mine?.reflection).toBe(`${hanzi(9)}👍`);
  });

  it('the default minimum is 200 characters', async () => {
    const result = await fx.call<{ taskId: string }>('secretaryA', 'study', 'createTask', {
      title: '默认字数',
      material: { text: '材料' },
      dueAt: inDays(3),
      reflection: {},
    });
    if (!result.ok) throw new Error(result.message);
    expect((await taskDetail(fx, 'memberA', result.data.taskId)).reflectionMin).toBe(200);
  });

  it('a task without a reflection is done with one tap', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '无需心得', reflection: undefined });
    expect(await fx.call('memberA', 'study', 'complete', { taskId })).toMatchObject({ ok: true });
    expect((await taskDetail(fx, 'memberA', taskId)).mine).toMatchObject({ reflection: null });
  });
});

describe('editing a reflection', () => {
  it('is allowed until the due date, counts the completion once, and is refused after', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '修改心得', reflection: { minLength: 5 } });
    const first = await fx.call<{ completedAt: string }>('memberA', 'study', 'complete', {
      taskId,
      reflection: '第一稿心得',
    });
    const again = await fx.call<{ completedAt: string }>('memberA', 'study', 'complete', {
      taskId,
      reflection: '第二稿心得体会',
    });
    expect(again).toMatchObject({ ok: true });
    expect(first.ok && again.ok && again.data.completedAt).toBe(first.ok && first.data.completedAt);
    expect((await taskDetail(fx, 'memberA', taskId)).mine).toMatchObject({
      reflection: '第二稿心得体会',
      editable: true,
    });
    expect((await progressOf(fx, 'secretaryA', taskId)).doneCount).toBe(1);

    await setTaskDates(taskId, { dueAt: inDays(-1) });
    expect((await taskDetail(fx, 'memberA', taskId)).mine?.editable).toBe(false);
    expectRefused(
      await fx.call('memberA', 'study', 'complete', { taskId, reflection: '截止后再改心得' }),
      'FAILED_PRECONDITION',
    );
    // Repeating the same call is not an edit.
    expect(await fx.call('memberA', 'study', 'complete', { taskId, reflection: '第二稿心得体会' })).toMatchObject({
      ok: true,
    });
    expect((await taskDetail(fx, 'memberA', taskId)).mine?.reflection).toBe('第二稿心得体会');
  });

  it('is refused once the committee has commented', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '点评后不可改', reflection: { minLength: 5 } });
    await fx.call('memberA', 'study', 'complete', { taskId, reflection: '第一稿心得' });
    await fx.call('secretaryA', 'study', 'comment', { taskId, memberId: DEMO.memberA.memberId, text: '已阅' });
    expectRefused(
      await fx.call('memberA', 'study', 'complete', { taskId, reflection: '点评后再改' }),
      'FAILED_PRECONDITION',
    );
    expect((await taskDetail(fx, 'memberA', taskId)).mine?.reflection).toBe('第一稿心得');
  });

  it('a completion after the due date is allowed and marked late', async () => {
    const dueAt = inDays(2);
    const taskId = await createTask(fx, 'secretaryA', { title: '逾期完成', reflection: undefined, dueAt });
    await setTaskDates(taskId, { dueAt: inDays(-2) });
    expect(await fx.call('memberA', 'study', 'complete', { taskId })).toMatchObject({ ok: true, data: { late: true } });
    expect((await listOf('memberA', 'done')).items.find((t) => t.taskId === taskId)).toMatchObject({ late: true });
    expect(await progressOf(fx, 'secretaryA', taskId)).toMatchObject({ doneCount: 1, lateCount: 1 });
    expect((await studyCounters(BRANCH_A, beijingMonthOf(dueAt)))?.tasks[taskId]).toMatchObject({ done: 1, late: 1 });
  });
});

describe('the audience (应学)', () => {
  it('is fixed when the task starts: a member added later is not in it', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '应学固定' });
    const later = await fx.boundMember();
    const progress = await progressOf(fx, 'secretaryA', taskId);
    expect(progress.audienceCount).toBe(progress.done.length + progress.todo.length);
    expect([...progress.todo, ...progress.done].map((p) => p.memberId)).not.toContain(later._id);
    expect((await listOf(later.openid!, 'todo')).items.map((t) => t.taskId)).not.toContain(taskId);
    expectRefused(await fx.call(later.openid!, 'study', 'complete', { taskId }), 'FAILED_PRECONDITION');
  });

  it('a task that starts later takes its audience at its start, not at its creation', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '下周学习', startAt: inDays(2), dueAt: inDays(9) });
    expect((await taskDetail(fx, 'secretaryA', taskId)).started).toBe(false);
    expectRefused(await fx.call('memberA', 'study', 'get', { taskId }), 'NOT_FOUND');
    const beforeStart = await fx.boundMember();
    await setTaskDates(taskId, { startAt: inDays(-0.01) });
    const { audienceCount, todo } = await progressOf(fx, 'secretaryA', taskId);
    expect(todo.map((p) => p.memberId)).toContain(beforeStart._id);
    const afterStart = await fx.boundMember();
    const again = await progressOf(fx, 'secretaryA', taskId);
    expect(again.audienceCount).toBe(audienceCount);
    expect(again.todo.map((p) => p.memberId)).not.toContain(afterStart._id);
    expect((await listOf(beforeStart.openid!, 'todo')).items.map((t) => t.taskId)).toContain(taskId);
  });

  it('a committee-only task is not shown to the rest of the branch', async () => {
    const taskId = await createTask(fx, 'secretaryA', { title: '支委学习', audience: { kind: 'committee' } });
    expect((await progressOf(fx, 'secretaryA', taskId)).audienceCount).toBe(3);
    expectRefused(await fx.call('memberA', 'study', 'get', { taskId }), 'NOT_FOUND');
  });
});

describe('a member’s list', () => {
  it('is to-do by due date, then done, and costs at most three database operations', async () => {
    const later = await createTask(fx, 'secretaryA', { title: '后到期', dueAt: inDays(20), reflection: undefined });
    const sooner = await createTask(fx, 'secretaryA', { title: '先到期', dueAt: inDays(1), reflection: undefined });
    runtime.seam.reset();
    const todo = await listOf('memberA', 'todo');
    expect(runtime.seam.calls).toBeLessThanOrEqual(3);
    const ids = todo.items.map((t) => t.taskId);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    const dues = todo.items.map((t) => Date.parse(t.dueAt));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(todo.total).toBe(todo.items.length);
    runtime.seam.reset();
    await listOf('memberA', 'done');
    expect(runtime.seam.calls).toBeLessThanOrEqual(3);
    expect(runtime.indexWarnings).toEqual([]);
  });
});
