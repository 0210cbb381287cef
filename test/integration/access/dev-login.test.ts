import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { LocalRuntime } from '../../../emulator/runtime';
import { devLoginNotice, isLoopback } from '../../../emulator/server/dev-login';
import { signToken } from '../../../emulator/server/dev-auth';
import { createHttpServer, type ServerOptions } from '../../../emulator/server/http-server';
import { readConfig } from '../../../emulator/config';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime.close());

async function listening(host: string, devLogin?: ServerOptions['devLogin']): Promise<{ url: string; server: Server }> {
  const server = createHttpServer({ runtime, h5Dir: '/nonexistent-h5', devTokenSecret: 'test-secret', devLogin });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const login = (url: string) =>
  fetch(`${url}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: DEMO.secretaryA.openid }),
  });

describe('the development sign-in', () => {
  it('is open on a loopback address', async () => {
    const { url, server } = await listening('127.0.0.1');
    try {
      const users = await fetch(`${url}/api/dev/users`);
      expect(users.status).toBe(200);
      expect(((await users.json()) as { users: unknown[] }).users.length).toBeGreaterThan(0);
      const response = await login(url);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ token: expect.any(String) });
    } finally {
      await close(server);
    }
  });

  it('is refused with 403 and a clear message on any other address, and its tokens count for nothing', async () => {
    const { url, server } = await listening('0.0.0.0');
    try {
      for (const response of [
        await fetch(`${url}/api/dev/users`),
        await login(url),
        await fetch(`${url}/api/dev/stats`),
      ]) {
        expect(response.status).toBe(403);
        const body = (await response.json()) as { ok: boolean; code: string; message: string };
        expect(body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        expect(body.message).toContain('ZHIBU_DEV_LOGIN=1');
      }
      // A token signed with the same secret (from an earlier loopback run, say) is no identity here.
      const token = signToken(DEMO.secretaryA.openid, 'test-secret');
      const call = await fetch(`${url}/api/fn/member`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'login' }),
      });
      expect(await call.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    } finally {
      await close(server);
    }
  });

  it('opens on any address only when the operator sets ZHIBU_DEV_LOGIN=1, with a warning at start', async () => {
    expect(readConfig(env({}), '/tmp').ZHIBU_DEV_LOGIN).toBe('0');
    expect(readConfig(env({ ZHIBU_DEV_LOGIN: '1' }), '/tmp').ZHIBU_DEV_LOGIN).toBe('1');
    expect(() => readConfig(env({ ZHIBU_DEV_LOGIN: 'yes' }), '/tmp')).toThrow(/ZHIBU_DEV_LOGIN/);
    expect(devLoginNotice('always', '0.0.0.0')).toMatch(/警告.*ZHIBU_DEV_LOGIN=1/);
    expect(devLoginNotice('loopback', '0.0.0.0')).toMatch(/开发登录已关闭/);
    expect(devLoginNotice('loopback', '127.0.0.1')).toBeNull();

    const { url, server } = await listening('0.0.0.0', 'always');
    try {
      expect((await login(url)).status).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) {
      expect(isLoopback(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', '128.0.0.1', 'example.com', '::ffff:10.0.0.1']) {
      expect(isLoopback(host)).toBe(false);
    }
  });
});
