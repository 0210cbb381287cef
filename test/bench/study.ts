import type { LocalClient } from './client';

interface Row {
  what: string;
  budget: string;
  measured: string;
  pass: boolean | null;
}

const TASKS = 30;

/**
 * A member's study list costs at most three database operations whatever the number of tasks:
 * the caller's identity, one page of tasks and its count (each task carries who is done).
 */
export async function studyRows(client: LocalClient, secretary: string, member: string): Promise<Row[]> {
  const dueAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  for (let i = 0; i < TASKS; i++) {
    const { taskId } = await client.call<{ taskId: string }>(secretary, 'study', 'createTask', {
      title: `压测：学习任务 ${i + 1}`,
      material: { text: '学习材料' },
      dueAt,
    });
    if (i % 3 === 0) await client.call(member, 'study', 'complete', { taskId });
  }
  const rows: Row[] = [];
  for (const status of ['todo', 'done'] as const) {
    const before = await client.dbCalls();
    await client.call(member, 'study', 'list', { status, page: 1, pageSize: 20 });
    const ops = (await client.dbCalls()) - before;
    rows.push({
      what: `database operations per study list (${status}, ${TASKS} tasks)`,
      budget: '≤ 3',
      measured: String(ops),
      pass: ops <= 3,
    });
  }
  return rows;
}
