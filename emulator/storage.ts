import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cloud from 'wx-server-sdk';

/**
 * Cloud storage on disk. Files are named `local://<folder>/<name>` (CloudBase's are
 * `cloud://<env>.<bucket>/<path>`); `getTempFileURL` answers with this server's download URL, so
 * function code asks for URLs exactly as it does in production.
 */
export const LOCAL_FILE_PREFIX = 'local://';
const TYPES: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };
export const UPLOAD_TYPES = Object.keys(TYPES);
/** Notice attachments: documents as well as images (the notice function checks each file's folder). */
const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-powerpoint': '.ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
};
export const ATTACHMENT_UPLOAD_TYPES = [...UPLOAD_TYPES, ...Object.keys(DOCUMENT_TYPES)];
const ALL_TYPES: Record<string, string> = { ...TYPES, ...DOCUMENT_TYPES };
/** The content type a stored file is served with, from its extension. */
export function contentTypeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return Object.entries(ALL_TYPES).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
}

/**
 * `minutes/<branchId>`, `notices/<memberId>`: one or two plain path segments, nothing that climbs
 * out; and sheets for import, `quiz/<branchId>/import` and `dues/<branchId>/import`.
 */
export function isUploadFolder(folder: string): boolean {
  return (
    /^[a-z0-9-]{1,32}(\/[A-Za-z0-9_-]{1,64})?$/.test(folder) ||
    /^(quiz|dues)\/[A-Za-z0-9_-]{1,64}\/import$/.test(folder)
  );
}

export interface LocalStorage {
  root: string;
  /** `group`: a sub-folder, e.g. the member a notice attachment belongs to. */
  save(folder: string, contentType: string, content: Buffer, group?: string): string;
  /** The file behind a download path, or null when there is none (or the path escapes the store). */
  resolve(relative: string): string | null;
}

export function openStorage(dataDir: string | null): LocalStorage {
  const root = dataDir ? path.join(dataDir, 'storage') : fs.mkdtempSync(path.join(os.tmpdir(), 'zhibu-storage-'));
  fs.mkdirSync(root, { recursive: true });
  const resolve = (relative: string): string | null => {
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return null;
    return file;
  };
  return {
    root,
    save(folder, contentType, content, group) {
      const ext = ALL_TYPES[contentType];
      if (!ext) throw new Error(`unsupported upload type ${contentType}`);
      const dir = group ? `${folder}/${group}` : folder;
      if (!isUploadFolder(dir)) throw new Error(`bad upload folder ${dir}`);
      const name = `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}${ext}`;
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.writeFileSync(path.join(root, dir, name), content);
      return `${LOCAL_FILE_PREFIX}${dir}/${name}`;
    },
    resolve,
  };
}

export function installStorageSeam(storage: LocalStorage, publicUrl: () => string): void {
  const sdk = cloud as unknown as Record<string, unknown>;
  sdk.getTempFileURL = async ({ fileList }: { fileList: (string | { fileID: string })[] }) => ({
    errMsg: 'getTempFileURL:ok',
    fileList: fileList.map((entry) => {
      const fileID = typeof entry === 'string' ? entry : entry.fileID;
      const relative = fileID.startsWith(LOCAL_FILE_PREFIX) ? fileID.slice(LOCAL_FILE_PREFIX.length) : null;
      const found = relative !== null && storage.resolve(relative) !== null;
      return found
        ? { fileID, tempFileURL: `${publicUrl()}/api/storage/${relative}`, status: 0, errMsg: 'ok', maxAge: 7200 }
        : { fileID, tempFileURL: '', status: -1, errMsg: 'file not exist' };
    }),
  });
  // As documented for wx-server-sdk: `{ fileContent: Buffer, statusCode }`, or a rejection with
  // `{ errCode, errMsg: 'downloadFile:fail …' }`.
  sdk.downloadFile = async ({ fileID }: { fileID: string }) => {
    const relative =
      typeof fileID === 'string' && fileID.startsWith(LOCAL_FILE_PREFIX)
        ? fileID.slice(LOCAL_FILE_PREFIX.length)
        : null;
    const file = relative === null ? null : storage.resolve(relative);
    if (file === null || !fs.statSync(file).isFile()) {
      const errMsg = `downloadFile:fail storage file not exist: ${String(fileID).slice(0, 200)}`;
      throw Object.assign(new Error(errMsg), { errCode: -503003, errMsg });
    }
    return { fileContent: fs.readFileSync(file), statusCode: 200, errMsg: 'downloadFile:ok' };
  };
  sdk.uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
    const folder = cloudPath.split('/').slice(0, -1).join('/') || 'files';
    // By the file's extension, as CloudBase does (minutes photos, exported workbooks).
    const found = contentTypeOf(cloudPath);
    const type = found === 'application/octet-stream' ? 'image/jpeg' : found;
    return { fileID: storage.save(folder, type, Buffer.from(fileContent)), errMsg: 'uploadFile:ok' };
  };
}
