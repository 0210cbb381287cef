import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '@zhibu/types';
import type { LocalClient } from './client';

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红'.split('');

/** Distinct, valid Chinese names: surname + two given characters. */
export function benchNames(count: number): string[] {
  const names: string[] = [];
  for (const s of SURNAMES)
    for (const a of GIVEN) for (const b of GIVEN) if (names.length < count && a !== b) names.push(s + a + b);
  return names;
}

async function rosterXlsx(names: string[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员名册');
  sheet.addRow([...ROSTER_COLUMNS]);
  for (const name of names) sheet.addRow([name, '', '', '正式党员', '', '', '教师']);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export interface BenchBranch {
  branchId: string;
  secretaryToken: string;
  memberTokens: string[];
}

/**
 * A branch of `size` members set up the way a bureau would: the admin creates the branch and its
 * secretary, imports the roster from .xlsx, and every member binds with an invite code.
 */
export async function setUpBranch(client: LocalClient, size: number): Promise<BenchBranch> {
  const admin = await client.login('demo_b-jgzb-02');
  const { branchId } = await client.call<{ branchId: string }>(admin, 'org', 'createBranch', {
    name: '清河县实验中学党支部',
    kind: 'school',
    schools: ['清河县实验中学'],
  });
  const { memberId } = await client.call<{ memberId: string }>(admin, 'member', 'create', {
    name: '周建华',
    status: '正式党员',
    branchId,
  });
  await client.call(admin, 'member', 'setRoles', { memberId, roles: ['secretary', 'committee'] });
  const secretaryInvite = await client.call<{ code: string }>(admin, 'member', 'createInvite', { memberId });
  const secretaryToken = await client.login('bench_secretary_0001');
  await client.call(secretaryToken, 'member', 'bind', { code: secretaryInvite.code });

  const imported = await client.call<{ created: number }>(secretaryToken, 'roster', 'import', {
    fileBase64: await rosterXlsx(benchNames(size)),
    mode: 'commit',
  });
  if (imported.created !== size) throw new Error(`imported ${imported.created} of ${size}`);

  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { items } = await client.call<{ items: { memberId: string; roles: string[] | null }[] }>(
      secretaryToken,
      'member',
      'list',
      {
        page,
        pageSize: 50,
      },
    );
    ids.push(...items.filter((m) => !m.roles?.includes('secretary')).map((m) => m.memberId));
    if (items.length < 50) break;
  }
  const memberTokens: string[] = new Array(ids.length);
  await inBatches(
    ids.map((id, i) => [id, i] as const),
    25,
    async ([id, i]) => {
      const { code } = await client.call<{ code: string }>(secretaryToken, 'member', 'createInvite', { memberId: id });
      const token = await client.login(`bench_member_${String(i).padStart(5, '0')}`);
      await client.call(token, 'member', 'bind', { code });
      memberTokens[i] = token;
    },
  );
  return { branchId, secretaryToken, memberTokens };
}

export async function activityNow(client: LocalClient, secretaryToken: string, title: string): Promise<string> {
  const now = Date.now();
  const { activityId } = await client.call<{ activityId: string }>(secretaryToken, 'activity', 'create', {
    title,
    type: 'party_congress',
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 60 * 60_000).toISOString(),
    place: '学校报告厅',
  });
  return activityId;
}
