import type { Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { readSheet } from '../../support/xlsx';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { createTask, inDays } from './support';
import { readStoredZip } from './zip-reader';

/**
 * Every action of `study` × every kind of caller, checking what comes back and not only `ok`.
 * Reading notes get their own sweep: whatever anyone else calls, memberA's note never comes back.
 */
let runtime: LocalRuntime;
let fx: Fixture;
let taskA: string;
let noteA: string;
const SECRET_NOTE = '只有我自己能看的读书笔记：第七章的三点思考';
const REFLECTION = '通过学习，我认识到立德树人是根本任务，要把思政教育融入日常教学。';

const CALLERS = {
  admin: DEMO.admin.openid,
  secretaryA: DEMO.secretaryA.openid,
  committeeA: 'demo_b-qhyz-02',
  memberA: DEMO.memberA.openid,
  memberB: DEMO.memberB.openid,
  secretaryB: DEMO.secretaryB.openid,
  stranger: DEMO.stranger.openid,
} as const;
type Caller = keyof typeof CALLERS;
const ALL = Object.keys(CALLERS) as Caller[];

/** Every answer given to anyone but memberA, searched for the note at the end. */
const answersToOthers: string[] = [];

const coverage = actionCoverage('study');

async function call<T = unknown>(caller: Caller, action: string, data?: unknown): Promise<Result<T>> {
  coverage.record(caller, action);
  const result = await fx.call<T>(CALLERS[caller], 'study', action, data);
  if (caller !== 'memberA') answersToOthers.push(JSON.stringify(result));
  return result;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  taskA = await createTask(fx, CALLERS.secretaryA, { reflection: { minLength: 10 } });
  const done = await fx.call(CALLERS.memberA, 'study', 'complete', { taskId: taskA, reflection: REFLECTION });
  if (!done.ok) throw new Error(done.message);
  const note = await fx.call<{ noteId: string }>(CALLERS.memberA, 'study', 'saveNote', {
    text: SECRET_NOTE,
    taskId: taskA,
  });
  if (!note.ok) throw new Error(note.message);
  noteA = note.data.noteId;
});
afterAll(() => runtime.close());

describe('study.createTask', () => {
  it('the branch committee creates for its own branch; the bureau for the branches it names', async () => {
    for (const caller of ['secretaryA', 'committeeA'] as const) {
      const result = await call<{ taskIds: string[] }>(caller, 'createTask', {
        title: `支部学习 ${caller}`,
        material: { text: '材料' },
        dueAt: inDays(3),
      });
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) continue;
      expect(result.data.taskIds).toHaveLength(1);
      const detail = await call<{ branchId: string }>('memberA', 'get', { taskId: result.data.taskIds[0] });
      expect(detail).toMatchObject({ ok: true, data: { branchId: BRANCH_A } });
    }
    const bureau = await call<{ taskIds: string[] }>('admin', 'createTask', {
      title: '局党委布置的学习',
      material: { text: '材料' },
      dueAt: inDays(3),
      branchIds: [BRANCH_B],
    });
    expect(bureau.ok && bureau.data.taskIds).toHaveLength(1);
    if (bureau.ok) {
      expect(await call('memberB', 'get', { taskId: bureau.data.taskIds[0] })).toMatchObject({
        ok: true,
        data: { branchId: BRANCH_B, title: '局党委布置的学习' },
      });
    }
  });

  it('members may not, a secretary may not send to other branches, a stranger is not identified', async () => {
    const input = { title: '不该建成的任务', material: { text: '材料' }, dueAt: inDays(3) };
    const before = runtime.engine.totalChanges();
    expectRefused(await call('memberA', 'createTask', input), 'FORBIDDEN');
    expectRefused(await call('memberB', 'createTask', input), 'FORBIDDEN');
    expectRefused(await call('secretaryA', 'createTask', { ...input, branchIds: [BRANCH_B] }), 'FORBIDDEN');
    expectRefused(await call('stranger', 'createTask', input), 'UNAUTHENTICATED');
    expect(runtime.engine.totalChanges()).toBe(before);
  });
});

describe('study.get and study.list', () => {
  it('the branch, its committee and the bureau see the task; another branch is told it does not exist', async () => {
    for (const caller of ['admin', 'secretaryA', 'committeeA'] as const) {
      const result = await call<{ canManage: boolean; mine: unknown }>(caller, 'get', { taskId: taskA });
      // The committee's own view carries their own completion, never memberA's reflection.
      expect(result).toMatchObject({ ok: true, data: { canManage: true } });
      expect(JSON.stringify(result)).not.toContain(REFLECTION);
    }
    expect(await call('memberA', 'get', { taskId: taskA })).toMatchObject({
      ok: true,
      data: { canManage: false, mine: { reflection: REFLECTION } },
    });
    expectRefused(await call('memberB', 'get', { taskId: taskA }), 'NOT_FOUND');
    expectRefused(await call('secretaryB', 'get', { taskId: taskA }), 'NOT_FOUND');
    expectRefused(await call('memberB', 'get', { taskId: 'tdoesnotexist' }), 'NOT_FOUND');
    expectRefused(await call('stranger', 'get', { taskId: taskA }), 'UNAUTHENTICATED');
  });

  it('each member lists only their own tasks', async () => {
    for (const caller of ALL.filter((c) => c !== 'stranger')) {
      const result = await call<{ items: { taskId: string; branchId: string }[] }>(caller, 'list', {
        status: 'done',
        page: 1,
        pageSize: 50,
      });
      if (!result.ok) throw new Error(result.message);
      expect(result.data.items.map((t) => t.taskId).includes(taskA)).toBe(caller === 'memberA');
    }
    const todoB = await call<{ items: { branchId: string }[] }>('memberB', 'list', { status: 'todo' });
    expect(todoB.ok && todoB.data.items.every((t) => t.branchId === BRANCH_B)).toBe(true);
    expectRefused(await call('stranger', 'list', { status: 'todo' }), 'UNAUTHENTICATED');
  });
});

describe('study.complete', () => {
  it('only those who must study it may complete it', async () => {
    const before = runtime.engine.totalChanges();
    expectRefused(await call('memberB', 'complete', { taskId: taskA, reflection: REFLECTION }), 'NOT_FOUND');
    expectRefused(await call('secretaryB', 'complete', { taskId: taskA, reflection: REFLECTION }), 'NOT_FOUND');
    // The bureau sees every task but is not in branch A's 应学.
    expectRefused(await call('admin', 'complete', { taskId: taskA, reflection: REFLECTION }), 'FAILED_PRECONDITION');
    expectRefused(await call('stranger', 'complete', { taskId: taskA }), 'UNAUTHENTICATED');
    expect(runtime.engine.totalChanges()).toBe(before);
  });
});

describe('study.progress, study.completion and study.comment', () => {
  it('the committee and the bureau read progress with names and each reflection', async () => {
    for (const caller of ['admin', 'secretaryA', 'committeeA'] as const) {
      const progress = await call<{ done: { memberId: string; name: string }[]; audienceCount: number }>(
        caller,
        'progress',
        { taskId: taskA },
      );
      expect(progress).toMatchObject({ ok: true, data: { audienceCount: 14, doneCount: 1 } });
      expect(progress.ok && progress.data.done.map((d) => d.memberId)).toEqual([DEMO.memberA.memberId]);
      expect(await call(caller, 'completion', { taskId: taskA, memberId: DEMO.memberA.memberId })).toMatchObject({
        ok: true,
        data: { reflection: REFLECTION, memberId: DEMO.memberA.memberId },
      });
    }
  });

  it('members are refused; another branch is told nothing exists', async () => {
    const ref = { taskId: taskA, memberId: DEMO.memberA.memberId };
    const before = runtime.engine.totalChanges();
    for (const action of ['progress', 'completion', 'comment'] as const) {
      const data = action === 'progress' ? { taskId: taskA } : action === 'comment' ? { ...ref, text: '点评' } : ref;
      expectRefused(await call('memberA', action, data), 'FORBIDDEN');
      expectRefused(await call('memberB', action, data), 'NOT_FOUND');
      expectRefused(await call('secretaryB', action, data), 'NOT_FOUND');
      expectRefused(await call('stranger', action, data), 'UNAUTHENTICATED');
    }
    // A member of another branch named on branch A's task: no such completion.
    expectRefused(
      await call('secretaryA', 'comment', { taskId: taskA, memberId: DEMO.memberB.memberId, text: '点评' }),
      'NOT_FOUND',
    );
    expect(runtime.engine.totalChanges()).toBe(before);
  });

  it('a committee member comments and the member reads it', async () => {
    const result = await call('committeeA', 'comment', {
      ...{ taskId: taskA, memberId: DEMO.memberA.memberId },
      text: '很好',
    });
    expect(result).toMatchObject({ ok: true, data: { comment: { text: '很好' } } });
    expect(await call('memberA', 'get', { taskId: taskA })).toMatchObject({
      ok: true,
      data: { mine: { comment: { text: '很好' }, editable: false } },
    });
  });
});

describe('study.manageList', () => {
  it('lists a branch’s tasks for its committee and the bureau only', async () => {
    for (const caller of ['admin', 'secretaryA', 'committeeA'] as const) {
      const result = await call<{ items: { taskId: string; expected: number; done: number }[] }>(caller, 'manageList', {
        branchId: BRANCH_A,
        page: 1,
        pageSize: 50,
      });
      expect(result.ok && result.data.items.find((t) => t.taskId === taskA)).toMatchObject({ expected: 14, done: 1 });
    }
    const own = await call<{ items: { taskId: string }[] }>('secretaryB', 'manageList', { page: 1, pageSize: 50 });
    expect(own.ok && own.data.items.map((t) => t.taskId)).not.toContain(taskA);
    expectRefused(await call('secretaryB', 'manageList', { branchId: BRANCH_A }), 'NOT_FOUND');
    expectRefused(await call('memberA', 'manageList', {}), 'FORBIDDEN');
    expectRefused(await call('memberB', 'manageList', { branchId: BRANCH_A }), 'FORBIDDEN');
    expectRefused(await call('stranger', 'manageList', {}), 'UNAUTHENTICATED');
  });
});

describe('study.shared', () => {
  it('shows the branch its 优秀 reflections and no other branch', async () => {
    await call('secretaryA', 'comment', {
      taskId: taskA,
      memberId: DEMO.memberA.memberId,
      text: '优秀',
      excellent: true,
    });
    for (const caller of ALL) {
      const result = await call<{ items: { taskId: string; memberName: string }[] }>(caller, 'shared', {});
      if (caller === 'stranger') {
        expectRefused(result, 'UNAUTHENTICATED');
        continue;
      }
      if (!result.ok) throw new Error(result.message);
      const inBranchA = ['secretaryA', 'committeeA', 'memberA'].includes(caller);
      expect(result.data.items.some((i) => i.taskId === taskA)).toBe(inBranchA);
    }
  });
});

describe('reading notes', () => {
  it('each caller lists, exports and changes only their own', async () => {
    for (const caller of ALL.filter((c) => c !== 'stranger' && c !== 'memberA')) {
      const list = await call<{ items: unknown[]; total: number }>(caller, 'listNotes', {});
      expect(list).toMatchObject({ ok: true, data: { items: [], total: 0 } });
      const xlsx = await call<{ fileBase64: string; count: number }>(caller, 'exportNotes', { format: 'xlsx' });
      expect(xlsx).toMatchObject({ ok: true, data: { count: 0 } });
      if (xlsx.ok) expect(JSON.stringify(await readSheet(xlsx.data.fileBase64))).not.toContain(SECRET_NOTE);
      const docx = await call<{ fileBase64: string }>(caller, 'exportNotes', { format: 'docx' });
      if (docx.ok) {
        const parts = readStoredZip(Buffer.from(docx.data.fileBase64, 'base64'));
        expect(parts.get('word/document.xml')).not.toContain(SECRET_NOTE);
      }
      expectRefused(await call(caller, 'saveNote', { noteId: noteA, text: '改掉别人的笔记' }), 'NOT_FOUND');
      expectRefused(await call(caller, 'getNote', { noteId: noteA }), 'NOT_FOUND');
      expectRefused(await call(caller, 'deleteNote', { noteId: noteA }), 'NOT_FOUND');
    }
    expectRefused(await call('stranger', 'getNote', { noteId: noteA }), 'UNAUTHENTICATED');
    expect(await call('memberA', 'getNote', { noteId: noteA })).toMatchObject({
      ok: true,
      data: { text: SECRET_NOTE },
    });
    expectRefused(await call('stranger', 'listNotes', {}), 'UNAUTHENTICATED');
    expectRefused(await call('stranger', 'exportNotes', {}), 'UNAUTHENTICATED');
    const mine = await call<{ items: { noteId: string; text: string; taskTitle: string }[] }>(
      'memberA',
      'listNotes',
      {},
    );
    expect(mine.ok && mine.data.items).toEqual([
      expect.objectContaining({ noteId: noteA, text: SECRET_NOTE, taskTitle: expect.any(String) }),
    ]);
  });

  it('memberA exports them as .xlsx and as a .docx that is a valid package', async () => {
    const xlsx = await call<{ fileBase64: string; fileName: string; count: number }>('memberA', 'exportNotes', {
      format: 'xlsx',
    });
    if (!xlsx.ok) throw new Error(xlsx.message);
    expect(xlsx.data).toMatchObject({
      count: 1,
      fileName: expect.stringMatching(/^学习笔记-\d{4}-\d{2}-\d{2}\.xlsx$/),
    });
    const rows = await readSheet(xlsx.data.fileBase64);
    expect(rows[0]).toEqual(['更新时间', '关联学习任务', '笔记']);
    expect(rows[1]?.[2]).toBe(SECRET_NOTE);

    await call('memberA', 'saveNote', { text: '第二条笔记 <b>不是HTML</b> & 符号\n第二行' });
    const docx = await call<{ fileBase64: string; fileName: string }>('memberA', 'exportNotes', { format: 'docx' });
    if (!docx.ok) throw new Error(docx.message);
    const parts = readStoredZip(Buffer.from(docx.data.fileBase64, 'base64'));
    expect([...parts.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const document = parts.get('word/document.xml')!;
    expect(document).toContain(SECRET_NOTE);
    expect(document).toContain('第二条笔记 &lt;b&gt;不是HTML&lt;/b&gt; &amp; 符号');
    expect(document).toContain('<w:t xml:space="preserve">第二行</w:t>');
  });

  it('no answer to anyone else ever carried memberA’s note', () => {
    expect(answersToOthers.length).toBeGreaterThan(50);
    for (const answer of answersToOthers) expect(answer).not.toContain(SECRET_NOTE);
  });
});

describe('hostile input', () => {
  const malformed: [string, unknown][] = [
    ['createTask', { title: '缺材料', material: {}, dueAt: inDays(3) }],
    ['createTask', { title: '截止早于开始', material: { text: 'x' }, startAt: inDays(3), dueAt: inDays(2) }],
    ['createTask', { title: '链接', material: { links: ['javascript:alert(1)'] }, dueAt: inDays(3) }],
    [
      'createTask',
      { title: '附件', material: { attachments: [{ fileId: '../../etc/passwd', name: 'x' }] }, dueAt: inDays(3) },
    ],
    ['createTask', { title: '多余字段', material: { text: 'x' }, dueAt: inDays(3), branchId: BRANCH_B }],
    ['createTask', { title: '时区', material: { text: 'x' }, dueAt: '2026-12-01 12:00' }],
    ['createTask', { title: '字数', material: { text: 'x' }, dueAt: inDays(3), reflection: { minLength: -1 } }],
    ['list', { status: 'all' }],
    ['list', { status: 'todo', pageSize: 1000 }],
    ['get', { taskId: { $ne: null } }],
    ['get', { taskId: '../studyNotes' }],
    ['complete', { taskId: 'x', reflection: 42 }],
    ['progress', {}],
    ['completion', { taskId: 'x' }],
    ['comment', { taskId: 'x', memberId: 'y', text: '   ' }],
    ['saveNote', { text: '' }],
    ['saveNote', { text: 'x', memberId: DEMO.memberA.memberId }],
    ['listNotes', { memberId: DEMO.memberA.memberId }],
    ['deleteNote', { noteId: { $exists: true } }],
    ['getNote', { noteId: 'n1', memberId: DEMO.memberA.memberId }],
    ['exportNotes', { format: 'pdf' }],
  ];
  it.each(malformed)('%s with %j is INVALID_ARGUMENT and writes nothing', async (action, data) => {
    const before = runtime.engine.totalChanges();
    expectRefused(await call('secretaryA', action, data), 'INVALID_ARGUMENT');
    expect(runtime.engine.totalChanges()).toBe(before);
  });

  it('a task due in the past is refused; a reflection with markup is kept as the text it is', async () => {
    expectRefused(
      await call('secretaryA', 'createTask', { title: '已过期', material: { text: 'x' }, dueAt: inDays(-1) }),
      'INVALID_ARGUMENT',
    );
    const taskId = await createTask(fx, CALLERS.secretaryA, { reflection: undefined, title: '标记测试' });
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await call('memberA', 'complete', { taskId, reflection: markup });
    expect(await call('memberA', 'get', { taskId })).toMatchObject({
      ok: true,
      data: { mine: { reflection: markup } },
    });
  });

  it('every query was covered by a declared index', () => {
    expect(runtime.indexWarnings).toEqual([]);
  });
});

// Last in the file: every action was tried by someone entitled and by an outsider.
test('the suite reaches every action of the study contract', () => {
  expect(coverage.missing()).toEqual([]);
});
