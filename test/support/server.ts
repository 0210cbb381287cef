import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { LocalRuntime } from '../../emulator/runtime';
import { createHttpServer } from '../../emulator/server/http-server';

export interface TestServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The local HTTP server on a free loopback port. */
export async function startTestServer(
  runtime: LocalRuntime,
  h5Dir: string,
  devTokenSecret = 'test-secret',
): Promise<TestServer> {
  const server = createHttpServer({ runtime, h5Dir, devTokenSecret });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  runtime.setPublicUrl(`http://127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
