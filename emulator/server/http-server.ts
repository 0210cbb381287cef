import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { LocalRuntime } from '../runtime';
import { readJsonBody } from './body';
import { OPENID_PATTERN, openidFromHeader, signToken } from './dev-auth';
import { listDevUsers } from './dev-users';
import { serveStatic } from './static-files';

export interface ServerOptions {
  runtime: LocalRuntime;
  /** The H5 build to serve at `/`. */
  h5Dir: string;
  devTokenSecret: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
}

const ONE_MB = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    // A refused oversized body may still be arriving; the connection is not reused after it.
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  res.end(text);
}

const failure = (code: string, message: string) => ({ ok: false, code, message });

/**
 * The local stand-in for WeChat's callFunction plus the H5 files. Routes:
 * `POST /api/fn/<name>`, `GET /api/health`, `GET /api/dev/users`, `POST /api/dev/login`, and `/`.
 */
export function createHttpServer(options: ServerOptions): http.Server {
  const { runtime, h5Dir, devTokenSecret } = options;
  const bodyLimit = options.bodyLimit ?? ONE_MB;
  const startedAt = Date.now();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const { pathname } = url;
    const method = req.method ?? 'GET';

    if (pathname.startsWith('/api/fn/')) {
      const name = pathname.slice('/api/fn/'.length);
      if (method !== 'POST') return sendJson(res, 405, failure('INVALID_ARGUMENT', '请使用 POST 调用云函数'));
      if (!runtime.has(name)) return sendJson(res, 404, failure('NOT_FOUND', `没有名为 ${name.slice(0, 40)} 的云函数`));
      const body = await readJsonBody(req, bodyLimit);
      if (!body.ok) return sendJson(res, body.status, failure('INVALID_ARGUMENT', body.message));
      const openid = openidFromHeader(req.headers.authorization, devTokenSecret);
      return sendJson(res, 200, await runtime.invoke(name, body.value, { openid }));
    }
    if (pathname === '/api/health' && method === 'GET') {
      return sendJson(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    }
    if (pathname === '/api/dev/users' && method === 'GET') {
      return sendJson(res, 200, { users: await listDevUsers() });
    }
    if (pathname === '/api/dev/login' && method === 'POST') {
      const body = await readJsonBody(req, bodyLimit);
      if (!body.ok) return sendJson(res, body.status, failure('INVALID_ARGUMENT', body.message));
      const openid = (body.value as { openid?: unknown } | null)?.openid;
      if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
        return sendJson(res, 400, failure('INVALID_ARGUMENT', 'openid 格式不正确'));
      }
      // An openid bound to nobody is accepted on purpose: it is how binding is tried locally.
      return sendJson(res, 200, { token: signToken(openid, devTokenSecret) });
    }
    if (pathname.startsWith('/api/')) return sendJson(res, 404, failure('NOT_FOUND', '没有这个接口'));
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, failure('INVALID_ARGUMENT', '不支持的请求方法'));
    serveStatic(h5Dir, pathname, res);
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[server] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', '服务暂时不可用，请稍后重试'));
      else res.destroy();
    });
  });
}
