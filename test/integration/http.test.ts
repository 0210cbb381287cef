import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalRuntime } from '../../emulator/runtime';
import { callAs, DEMO, startTestRuntime } from '../support/runtime';
import { postJson, startTestServer, type TestServer } from '../support/server';

let runtime: LocalRuntime;
let server: TestServer;
let h5Dir: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibu-h5-'));
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>支部通</title>');
  fs.writeFileSync(path.join(h5Dir, 'app.js'), 'console.log(1)');
  server = await startTestServer(runtime, h5Dir);
});
afterAll(async () => {
  await server.close();
  runtime.close();
  fs.rmSync(h5Dir, { recursive: true, force: true });
});

async function login(openid: string): Promise<string> {
  const { status, body } = await postJson(`${server.url}/api/dev/login`, { openid });
  expect(status).toBe(200);
  return (body as { token: string }).token;
}

/** Every refusal below must leave the database exactly as it was and the server answering. */
async function expectNothingWritten(action: () => Promise<void>): Promise<void> {
  const before = runtime.engine.totalChanges();
  await action();
  expect(runtime.engine.totalChanges()).toBe(before);
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
}

describe('POST /api/fn/<name>', () => {
  it('answers like callFunction for a signed-in demo user', async () => {
    const token = await login(DEMO.secretaryA.openid);
    const { status, body } = await postJson(`${server.url}/api/fn/member`, { action: 'login' }, token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { name: '王建国', branchName: '清河县第一中学党支部' } });
  });

  it('gives 400 for malformed JSON', () =>
    expectNothingWritten(async () => {
      const { status, body } = await postJson(`${server.url}/api/fn/member`, '{"action": "login",');
      expect(status).toBe(400);
      expect(body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }));

  it('gives 404 for an unknown function', () =>
    expectNothingWritten(async () => {
      const { status, body } = await postJson(`${server.url}/api/fn/nosuch`, { action: 'login' });
      expect(status).toBe(404);
      expect(body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }));

  it('gives 413 for a body over 1 MB, declared or streamed', () =>
    expectNothingWritten(async () => {
      const big = JSON.stringify({ action: 'login', data: { pad: 'x'.repeat(1024 * 1024 + 10) } });
      const declared = await postJson(`${server.url}/api/fn/member`, big);
      expect(declared.status).toBe(413);
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(32 * 1024)));
          controller.close();
        },
      });
      const streamed = await fetch(`${server.url}/api/fn/member`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(streamed.status).toBe(413);
    }));

  it('gives INVALID_ARGUMENT for an unknown action or invalid data', () =>
    expectNothingWritten(async () => {
      const token = await login(DEMO.memberA.openid);
      for (const event of [{ action: 'nosuch' }, { action: 'login', data: { x: 1 } }, { action: '' }, [1, 2]]) {
        const { status, body } = await postJson(`${server.url}/api/fn/member`, event, token);
        expect(status).toBe(200);
        expect(body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      }
    }));

  it('gives UNAUTHENTICATED without a token, with a forged token, or for an unbound user', () =>
    expectNothingWritten(async () => {
      const forged = `${Buffer.from(DEMO.admin.openid).toString('base64url')}.AAAA`;
      const stranger = await login(DEMO.stranger.openid);
      for (const token of [undefined, forged, stranger]) {
        const { status, body } = await postJson(`${server.url}/api/fn/member`, { action: 'login' }, token);
        expect(status).toBe(200);
        expect(body).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      }
    }));
});

describe('development identity', () => {
  it('lists the bound demo users with their branch', async () => {
    const response = await fetch(`${server.url}/api/dev/users`);
    const { users } = (await response.json()) as { users: Record<string, unknown>[] };
    expect(users.length).toBeGreaterThanOrEqual(50);
    expect(users).toContainEqual({
      openid: DEMO.admin.openid,
      name: '丁慧敏',
      roles: ['member', 'admin', 'committee'],
      branchId: 'b-jgzb',
      branchName: '清河县教育局机关党支部',
    });
  });

  it('signs in an openid bound to nobody, so binding can be tried', async () => {
    const token = await login('wx_brand_new_user_42');
    expect(token).toMatch(/\./);
  });

  it('refuses a malformed openid', async () => {
    for (const openid of ['', 'a b', 42, 'x'.repeat(200)]) {
      const { status } = await postJson(`${server.url}/api/dev/login`, { openid });
      expect(status).toBe(400);
    }
  });

  it('the same token works for the same user across calls', async () => {
    const token = await login(DEMO.memberB.openid);
    const first = await postJson(`${server.url}/api/fn/member`, { action: 'login' }, token);
    const direct = await callAs(runtime, DEMO.memberB.openid, 'member', 'login');
    expect(first.body).toEqual(direct);
  });
});

describe('the H5 build', () => {
  it('is served at / and its files by path, never outside the build', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('支部通');
    expect((await fetch(`${server.url}/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${server.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).not.toBe(200);
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).not.toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('serves a tab icon at /favicon.ico, which browsers ask for by themselves, and at /favicon.svg', async () => {
    for (const name of ['favicon.ico', 'favicon.svg']) {
      const icon = await fetch(`${server.url}/${name}`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(await icon.text()).toContain('<svg');
    }
  });
});
