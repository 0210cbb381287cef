import { cloud } from './cloud';

/**
 * Files the client uploaded to cloud storage, read back by a function. CloudBase names them
 * `cloud://<env>.<bucket>/<path>`; the local runtime `local://<path>`, and only when it says so in
 * the process environment at start (emulator/runtime.ts): nothing in an event can make production
 * accept a local id.
 */
const LOCAL_PREFIX = 'local://';

function currentEnv(): string | null {
  const env = (cloud.getWXContext() as { ENV?: unknown }).ENV;
  return typeof env === 'string' && env.length > 0 ? env : null;
}

/** The path of a file in this environment's storage, or null for anything else. */
export function storagePath(fileId: string): string | null {
  if (fileId.startsWith(LOCAL_PREFIX)) {
    return process.env.ZHIBU_LOCAL_RUNTIME === '1' ? fileId.slice(LOCAL_PREFIX.length) : null;
  }
  const match = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileId);
  if (!match) return null;
  const env = currentEnv();
  if (env && !match[1]!.startsWith(`${env}.`)) return null;
  return match[2]!;
}

/**
 * True when the file lies directly in `folder` (which ends with `/`) with a plain name of the
 * given extension: nothing in a sub-folder, nothing that climbs out.
 */
export function isFileIn(fileId: string, folder: string, extension: string): boolean {
  const path = storagePath(fileId);
  if (path === null || !path.startsWith(folder)) return false;
  const name = path.slice(folder.length);
  return /^[\w-]{1,80}$/.test(name.slice(0, -extension.length - 1)) && name.endsWith(`.${extension}`);
}

/** The file's bytes, or null when storage has no such file. Other failures are thrown. */
export async function downloadStorageFile(fileId: string): Promise<Buffer | null> {
  try {
    const { fileContent } = await cloud.downloadFile({ fileID: fileId });
    return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent as Uint8Array);
  } catch (error) {
    const { errMsg, message } = (error ?? {}) as { errMsg?: unknown; message?: unknown };
    const text = [errMsg, message].filter((t) => typeof t === 'string').join(' ');
    if (/not ?exist|NONEXIST|not ?found|不存在/i.test(text)) return null;
    throw error;
  }
}
