import type { IncomingMessage } from 'node:http';

export type RawBodyResult = { ok: true; value: Buffer } | { ok: false; status: 413; message: string };
export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

const TOO_LARGE: BodyResult = { ok: false, status: 413, message: '请求内容过大' };

/**
 * Reads a request body, refusing it once it passes `limit` bytes. The rest of a refused body is
 * read and dropped rather than cut off, so the client receives the 413 instead of a reset.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<RawBodyResult> {
  const tooLarge = { ok: false, status: 413, message: '请求内容过大' } as const;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        resolve(tooLarge);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size <= limit) resolve({ ok: true, value: Buffer.concat(chunks) });
    });
  });
}

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const raw = await readRawBody(req, limit);
  if (!raw.ok) return TOO_LARGE;
  const text = raw.value.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: '请求内容不是合法的 JSON' };
  }
}
