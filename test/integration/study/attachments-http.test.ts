import os from 'node:os';
import type { Result, StudyTaskDetail } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { COLLECTIONS, countOf } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { postJson, startTestServer, type TestServer } from '../../support/server';
import { taskInput } from './support';

/** Study material files: uploaded to study/<branchId>/, attached to a task, opened by a member. */
let runtime: LocalRuntime;
let server: TestServer;
beforeAll(async () => {
  runtime = await startTestRuntime();
  server = await startTestServer(runtime, os.tmpdir());
});
afterAll(async () => {
  await server.close();
  runtime.close();
});

const login = async (openid: string) =>
  ((await postJson(`${server.url}/api/dev/login`, { openid })).body as { token: string }).token;

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

async function upload(token: string, folder: string, group: string, type: string, body: Buffer) {
  const response = await fetch(`${server.url}/api/storage/upload?folder=${folder}&group=${group}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as { fileID?: string } };
}

async function createTask(token: string, attachments: unknown[]) {
  return (
    await postJson(
      `${server.url}/api/fn/study`,
      { action: 'createTask', data: taskInput({ material: { text: '见附件', attachments } }) },
      token,
    )
  ).body as Result<{ taskId: string }>;
}

it('a secretary uploads a slide deck to the branch folder, attaches it, and a member downloads it', async () => {
  const secretary = await login(DEMO.secretaryA.openid);
  const uploaded = await upload(secretary, 'study', DEMO.secretaryA.branchId, PPTX, Buffer.from('PK\u0003\u0004'));
  expect(uploaded.status).toBe(200);
  expect(uploaded.body.fileID).toMatch(new RegExp(`^local://study/${DEMO.secretaryA.branchId}/[\\w-]+\\.pptx$`));

  const created = await createTask(secretary, [{ fileId: uploaded.body.fileID, name: '专题党课.pptx', size: 4 }]);
  if (!created.ok) throw new Error(created.message);
  const member = await login(DEMO.memberA.openid);
  const detail = (
    await postJson(`${server.url}/api/fn/study`, { action: 'get', data: { taskId: created.data.taskId } }, member)
  ).body as Result<StudyTaskDetail>;
  if (!detail.ok) throw new Error(detail.message);
  // The size is checked, not kept: the task stores what it shows.
  expect(detail.data.material.attachments).toEqual([
    { fileId: uploaded.body.fileID, name: '专题党课.pptx', url: expect.stringContaining('/api/storage/') },
  ]);
  const file = await fetch(detail.data.material.attachments[0]!.url!);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe(PPTX);
  expect(file.headers.get('content-disposition')).toBe('attachment');
});

it('takes only files in the caller’s own branch folder, of the notice types, and writes nothing otherwise', async () => {
  const secretaryA = await login(DEMO.secretaryA.openid);
  const secretaryB = await login(DEMO.secretaryB.openid);
  const otherBranch = await upload(secretaryB, 'study', DEMO.secretaryB.branchId, PPTX, Buffer.from('PK'));
  const noticeFile = await upload(secretaryA, 'notices', DEMO.secretaryA.memberId, PPTX, Buffer.from('PK'));
  const own = await upload(secretaryA, 'study', DEMO.secretaryA.branchId, PPTX, Buffer.from('PK'));
  const before = await countOf(COLLECTIONS.studyTasks);
  const refusals = [
    [{ fileId: otherBranch.body.fileID, name: '别的支部.pptx' }],
    [{ fileId: noticeFile.body.fileID, name: '通知附件.pptx' }],
    [{ fileId: `local://study/${DEMO.secretaryA.branchId}/../x.pptx`, name: '越界.pptx' }],
    [{ fileId: `local://study/${DEMO.secretaryA.branchId}/sub/x.pptx`, name: '子目录.pptx' }],
    // The name's type must be one a member's phone can open, and match the file.
    [{ fileId: own.body.fileID, name: '程序.exe' }],
    [{ fileId: own.body.fileID, name: '改了名.pdf' }],
    [{ fileId: own.body.fileID, name: '太大.pptx', size: 20 * 1024 * 1024 + 1 }],
  ];
  for (const attachments of refusals) {
    expect(await createTask(secretaryA, attachments)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  }
  const tooMany = Array.from({ length: 10 }, (_, i) => ({ fileId: own.body.fileID, name: `第${i}个.pptx` }));
  expect(await createTask(secretaryA, tooMany)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  expect(await countOf(COLLECTIONS.studyTasks)).toBe(before);
});

it('accepts study uploads of documents but not of programs', async () => {
  const secretary = await login(DEMO.secretaryA.openid);
  expect(
    (await upload(secretary, 'study', DEMO.secretaryA.branchId, 'application/pdf', Buffer.from('%PDF'))).status,
  ).toBe(200);
  expect(
    (await upload(secretary, 'study', DEMO.secretaryA.branchId, 'application/x-msdownload', Buffer.from('MZ'))).status,
  ).toBe(415);
});
