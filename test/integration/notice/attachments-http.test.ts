import os from 'node:os';
import type { NoticeDetail, Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { noticeInput } from '../../support/notices';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { postJson, startTestServer, type TestServer } from '../../support/server';

/** The H5 path of an attachment: upload to notices/<member>/, post it, a member downloads it. */
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

const PDF = 'application/pdf';

async function upload(token: string, group: string, type: string, body: Buffer) {
  const response = await fetch(`${server.url}/api/storage/upload?folder=notices&group=${group}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as { fileID?: string } };
}

it('a secretary uploads a PDF to their folder, posts it, and a member downloads it', async () => {
  const secretary = await login(DEMO.secretaryA.openid);
  const uploaded = await upload(secretary, DEMO.secretaryA.memberId, PDF, Buffer.from('%PDF-1.4\n%%EOF\n'));
  expect(uploaded.status).toBe(200);
  expect(uploaded.body.fileID).toMatch(new RegExp(`^local://notices/${DEMO.secretaryA.memberId}/[\\w-]+\\.pdf$`));

  const created = await postJson(
    `${server.url}/api/fn/notice`,
    {
      action: 'create',
      data: noticeInput({ attachments: [{ fileId: uploaded.body.fileID, name: '学习材料.pdf', size: 15 }] }),
    },
    secretary,
  );
  const { noticeId } = (created.body as { data: { noticeId: string } }).data;
  const member = await login(DEMO.memberA.openid);
  const detail = (await postJson(`${server.url}/api/fn/notice`, { action: 'get', data: { noticeId } }, member))
    .body as Result<NoticeDetail>;
  if (!detail.ok) throw new Error(detail.message);
  const [attachment] = detail.data.attachments;
  expect(attachment).toMatchObject({ name: '学习材料.pdf', kind: 'document' });
  const file = await fetch(attachment!.url!);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe(PDF);
  expect(file.headers.get('content-disposition')).toBe('attachment');
  expect(await file.text()).toContain('%PDF-1.4');
});

it('refuses other types, a missing folder, and anonymous uploads', async () => {
  const secretary = await login(DEMO.secretaryA.openid);
  expect(
    (await upload(secretary, DEMO.secretaryA.memberId, 'application/x-msdownload', Buffer.from('MZ'))).status,
  ).toBe(415);
  expect((await upload(secretary, '../etc', PDF, Buffer.from('%PDF'))).status).toBe(400);
  const anonymous = await fetch(`${server.url}/api/storage/upload?folder=notices&group=x`, {
    method: 'POST',
    headers: { 'content-type': PDF },
    body: new Uint8Array(Buffer.from('%PDF')),
  });
  expect(anonymous.status).toBe(401);
});

it('a file uploaded into another member’s folder cannot be attached by this poster', async () => {
  const secretaryB = await login(DEMO.secretaryB.openid);
  const theirs = await upload(secretaryB, DEMO.secretaryB.memberId, PDF, Buffer.from('%PDF'));
  const secretaryA = await login(DEMO.secretaryA.openid);
  const created = await postJson(
    `${server.url}/api/fn/notice`,
    { action: 'create', data: noticeInput({ attachments: [{ fileId: theirs.body.fileID, name: 'a.pdf', size: 4 }] }) },
    secretaryA,
  );
  expect(created.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
});
