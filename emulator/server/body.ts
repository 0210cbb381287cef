import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Reads a JSON request body, refusing it as soon as it passes `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413, message: '请求内容过大' };

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return { ok: false, status: 413, message: '请求内容过大' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: '请求内容不是合法的 JSON' };
  }
}
