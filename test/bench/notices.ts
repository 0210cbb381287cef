import cloud from 'wx-server-sdk';
import { COLLECTIONS, type BranchDoc, type MemberDoc, type NoticeReceipts, type Result } from '@zhibu/types';
import { startRuntime } from '../../emulator/runtime';
import { seedDemoData } from '../../emulator/seed/seed';
import { timedRuns } from './client';

/**
 * Notice rows of `npm run bench`, measured on an in-process runtime seeded through the SDK in
 * batches: a member's list (database operations and p95, whatever the number of notices) and the
 * receipt table of one bureau notice to 200 branches (O(branches): operations do not grow with members).
 */
export interface NoticeBenchRow {
  what: string;
  budget: string;
  measured: string;
  pass: boolean | null;
}

const BRANCHES = 200;
const PER_BRANCH = 40;
const NOTICES = 60;
const ADMIN = 'demo_b-jgzb-02';
const SECRETARY = 'demo_b-qhyz-01';
const MEMBER = 'demo_b-qhyz-04';

async function seedBranches(count: number, perBranch: number): Promise<void> {
  const db = cloud.database();
  const now = new Date();
  for (let b = 0; b < count; b++) {
    const branchId = `bench-nb-${String(b).padStart(3, '0')}`;
    const branch: BranchDoc = {
      _id: branchId,
      name: `压测学校${b}党支部`,
      kind: 'school',
      schools: [`压测学校${b}`],
      partyGroups: [],
      active: true,
      createdAt: now,
    };
    await db.collection(COLLECTIONS.branches).add({ data: branch });
    const members: MemberDoc[] = Array.from({ length: perBranch }, (_, i) => ({
      _id: `${branchId}-m${i}`,
      branchId,
      name: `党员${b}-${i}`,
      gender: null,
      phone: null,
      status: '正式党员',
      joinedPartyAt: null,
      partyGroupId: null,
      position: null,
      roles: ['member'],
      active: true,
      openid: `wx_${branchId}_${i}`,
      boundAt: now,
      leftAt: null,
      leftReason: null,
      branchHistory: [{ branchId, from: now }],
      createdAt: now,
    }));
    await db.collection(COLLECTIONS.members).add({ data: members });
  }
}

export async function noticeRows(): Promise<NoticeBenchRow[]> {
  const runtime = await startRuntime({ dataDir: null });
  const rows: NoticeBenchRow[] = [];
  const call = async <T>(openid: string, action: string, data: unknown): Promise<T> => {
    const result = (await runtime.invoke('notice', { action, data }, { openid })) as Result<T>;
    if (!result.ok) throw new Error(`notice.${action}: ${result.code} ${result.message}`);
    return result.data;
  };
  const timed = (times: number, work: () => Promise<unknown>) => timedRuns(runtime, times, work);
  try {
    await seedDemoData(cloud.database());

    // A member's list: the same cost with 3 notices as with 60.
    for (let i = 0; i < 3; i++) await call(SECRETARY, 'create', { title: `通知${i}`, body: '正文' });
    const few = await timed(30, () => call(MEMBER, 'list', { page: 1, pageSize: 20 }));
    for (let i = 3; i < NOTICES; i++) {
      await call(SECRETARY, 'create', { title: `通知${i}`, body: '正文', pinned: i % 10 === 0 });
    }
    const many = await timed(30, () => call(MEMBER, 'list', { page: 1, pageSize: 20 }));
    rows.push({
      what: `notice list of a member: database operations (3 → ${NOTICES} notices)`,
      budget: '≤ 3, flat',
      measured: `${few.ops} → ${many.ops}`,
      pass: many.ops <= 3 && many.ops === few.ops,
    });
    rows.push({
      what: `notice list of a member: p95 (${NOTICES} notices)`,
      budget: 'report',
      measured: `${many.p95.toFixed(1)} ms`,
      pass: null,
    });

    // The receipt table of one bureau notice to 200 branches (plus the demo county's).
    await seedBranches(BRANCHES, PER_BRANCH);
    const { noticeId } = await call<{ noticeId: string }>(ADMIN, 'create', {
      title: '局党委通知',
      body: '正文',
      requireConfirm: true,
    });
    for (let b = 0; b < BRANCHES; b += 2)
      await call(`wx_bench-nb-${String(b).padStart(3, '0')}_0`, 'confirm', { noticeId });
    const small = await timed(5, () => call(ADMIN, 'receipts', { noticeId }));
    // Twice the members in every branch would not change the table's cost: it reads one counter
    // document per branch. Shown by the operation count staying the same after more reads land.
    for (let b = 1; b < BRANCHES; b += 2)
      await call(`wx_bench-nb-${String(b).padStart(3, '0')}_1`, 'get', { noticeId });
    const table = await timed(20, () => call<NoticeReceipts>(ADMIN, 'receipts', { noticeId }));
    const last = await call<NoticeReceipts>(ADMIN, 'receipts', { noticeId });
    rows.push({
      what: `bureau receipt table: ${last.branches?.length ?? 0} branches, ${last.audienceCount} members`,
      budget: 'O(branches)',
      measured: `${table.ops} ops (${small.ops} before more reads), p95 ${table.p95.toFixed(1)} ms`,
      pass: table.ops <= 10 && table.ops === small.ops && last.readCount === BRANCHES,
    });
  } finally {
    runtime.close();
  }
  return rows;
}
