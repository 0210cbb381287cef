import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { LocalRuntime } from '../runtime';
import fs from 'node:fs';
import { ATTACHMENT_UPLOAD_TYPES, contentTypeOf, isUploadFolder, UPLOAD_TYPES } from '../storage';
import { readJsonBody, readRawBody } from './body';
import { OPENID_PATTERN, openidFromHeader, signToken } from './dev-auth';
import { DEV_LOGIN_REFUSED, devLoginOpen, type DevLogin } from './dev-login';
import { listDevUsers } from './dev-users';
import { serveStatic } from './static-files';

export interface ServerOptions {
  runtime: LocalRuntime;
  /** The H5 build to serve at `/`. */
  h5Dir: string;
  devTokenSecret: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** When the development sign-in is open: on a loopback address only (default), or always. */
  devLogin?: DevLogin;
}

const ONE_MB = 1024 * 1024;
/** Photos for minutes: the client compresses before upload, so a few MB is plenty. */
const UPLOAD_LIMIT = 4 * ONE_MB;
/** Notice attachments (documents included) as the notice contract allows them. */
const ATTACHMENT_LIMIT = 20 * ONE_MB;
/** Question banks for import: 10,000 rows of .xlsx are about 2 MB. */
const SHEET_LIMIT = 10 * ONE_MB;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What each upload folder takes: photos by default, documents for notices, workbooks for quiz imports. */
/** Notice and study attachments take documents as well as images. */
const attachments = {
  types: ATTACHMENT_UPLOAD_TYPES,
  limit: ATTACHMENT_LIMIT,
  refusal: '附件只支持图片、PDF、Word、Excel、PPT 文件',
};
const UPLOAD_KINDS: Record<string, { types: string[]; limit: number; refusal: string }> = {
  photos: { types: UPLOAD_TYPES, limit: UPLOAD_LIMIT, refusal: '只支持 JPEG、PNG、WebP 图片' },
  notices: attachments,
  study: attachments,
  appraisal: attachments,
  quiz: { types: [XLSX_TYPE], limit: SHEET_LIMIT, refusal: '只支持 Excel（.xlsx）文件' },
  dues: { types: [XLSX_TYPE], limit: SHEET_LIMIT, refusal: '只支持 Excel（.xlsx）文件' },
};

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
 * A client's event can never look like a timer trigger on CloudBase (WeChat adds the caller to every
 * client call), so the fields a trigger carries are dropped from HTTP events.
 */
function withoutTriggerFields(event: unknown): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
  const { Type: _type, TriggerName: _trigger, Time: _time, ...rest } = event as Record<string, unknown>;
  return rest;
}

/**
 * The local stand-in for WeChat's callFunction plus the H5 files. Routes:
 * `POST /api/fn/<name>`, `GET /api/health`, `GET /api/dev/users`, `POST /api/dev/login`, and `/`.
 */
export function createHttpServer(options: ServerOptions): http.Server {
  const { runtime, h5Dir, devTokenSecret } = options;
  const bodyLimit = options.bodyLimit ?? ONE_MB;
  const devLogin = options.devLogin ?? 'loopback';
  const startedAt = Date.now();
  /** Decided from the address the server actually listens on, not from anything a request says. */
  const devLoginIsOpen = (): boolean => {
    const address = server.address();
    return devLoginOpen(devLogin, address && typeof address === 'object' ? address.address : null);
  };
  /** The caller a development token names; no token counts while the sign-in is closed. */
  const callerOf = (req: IncomingMessage): string | null =>
    devLoginIsOpen() ? openidFromHeader(req.headers.authorization, devTokenSecret) : null;

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
      const openid = callerOf(req);
      return sendJson(res, 200, await runtime.invoke(name, withoutTriggerFields(body.value), { openid }));
    }
    if (pathname === '/api/health' && method === 'GET') {
      return sendJson(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    }
    if (pathname.startsWith('/api/dev/') && !devLoginIsOpen()) {
      return sendJson(res, 403, failure('FORBIDDEN', DEV_LOGIN_REFUSED));
    }
    if (pathname === '/api/dev/stats' && method === 'GET') {
      // Database operations counted at the transport seam, for the benchmark's per-request budget.
      return sendJson(res, 200, { dbCalls: runtime.seam.calls, byAction: runtime.seam.byAction });
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
    if (pathname === '/api/storage/upload' && method === 'POST') {
      // Stands in for Taro.cloud.uploadFile: only a WeChat user may upload, as in production.
      if (!callerOf(req)) {
        return sendJson(res, 401, failure('UNAUTHENTICATED', '请先登录'));
      }
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      // Stored under <folder>/<group>/, as the mini program names its cloudPath (minutes/<branchId>,
      // notices/<memberId>, study/<branchId>, quiz/<branchId>/import); each function accepts only files
      // in the folder that is the caller's.
      const folder = url.searchParams.get('folder') ?? 'files';
      const group = url.searchParams.get('group') ?? undefined;
      if (!isUploadFolder(group ? `${folder}/${group}` : folder)) {
        return sendJson(res, 400, failure('INVALID_ARGUMENT', '上传目录不正确'));
      }
      const kind = UPLOAD_KINDS[folder] ?? UPLOAD_KINDS.photos!;
      if (!kind.types.includes(type)) return sendJson(res, 415, failure('INVALID_ARGUMENT', kind.refusal));
      const body = await readRawBody(req, kind.limit);
      if (!body.ok) return sendJson(res, body.status, failure('INVALID_ARGUMENT', body.message));
      return sendJson(res, 200, { fileID: runtime.storage.save(folder, type, body.value, group) });
    }
    if (pathname.startsWith('/api/storage/') && method === 'GET') {
      const file = runtime.storage.resolve(decodeURIComponent(pathname.slice('/api/storage/'.length)));
      if (!file) return sendJson(res, 404, failure('NOT_FOUND', '文件不存在'));
      const type = contentTypeOf(file);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'private, max-age=3600',
        // Documents download; images show.
        ...(type.startsWith('image/') ? {} : { 'content-disposition': 'attachment' }),
      });
      fs.createReadStream(file).pipe(res);
      return;
    }
    if (pathname.startsWith('/api/')) return sendJson(res, 404, failure('NOT_FOUND', '没有这个接口'));
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, failure('INVALID_ARGUMENT', '不支持的请求方法'));
    serveStatic(h5Dir, pathname, res);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[server] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', '服务暂时不可用，请稍后重试'));
      else res.destroy();
    });
  });
  return server;
}
