import Taro from '@tarojs/taro';
import type { Result } from '@zhibu/types';
import { FAILURE_MESSAGES, fail, isRecord, toFailure } from './result';
import { getToken } from './token';

/**
 * Photos for the cloud: in the mini program `Taro.cloud.uploadFile` to CloudBase storage; in the H5
 * build a POST of the image bytes to the local server, which stores them the same way. Either way
 * the answer is a fileID (`cloud://…` or `local://…`) that records keep and the server resolves.
 */
export type UploadFolder = 'minutes';

export interface UploadRequest {
  /** A temporary file path from chooseImage (in H5, a blob: URL). */
  filePath: string;
  folder: UploadFolder;
  /** A sub-folder in cloud storage: for minutes, the branch (the server accepts no other). */
  group: string;
}

type Uploader = (request: UploadRequest) => Promise<Result<{ fileID: string }>>;

const UPLOAD_FAILED = '图片上传失败，请检查网络后重试';
/** The local server refuses bodies over 4 MB; photos are shrunk well below that first. */
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_SIDE = 1600;
const JPEG_QUALITY = 0.8;

/** A sub-folder name storage accepts; the server only keeps files from the folder it expects. */
function safeGroupOf(group: string): string {
  return group.replace(/[^\w-]/g, '') || 'misc';
}

function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const weappUpload: Uploader = async ({ filePath, folder, group }) => {
  let path = filePath;
  try {
    // A phone photo is several MB; 会议记录 needs it legible, not print-sharp.
    path = (await Taro.compressImage({ src: filePath, quality: 70, compressedWidth: MAX_SIDE })).tempFilePath;
  } catch {
    // Not every file compresses (a PNG screenshot, an old base library); the original will do.
  }
  try {
    const { fileID } = await Taro.cloud.uploadFile({
      cloudPath: `${folder}/${safeGroupOf(group)}/${randomName()}.jpg`,
      filePath: path,
    });
    return fileID ? { ok: true, data: { fileID } } : fail('INTERNAL', UPLOAD_FAILED);
  } catch {
    return fail('INTERNAL', UPLOAD_FAILED);
  }
};

/** Draws the image smaller (at most MAX_SIDE on its long side) as a JPEG; the original if it cannot. */
async function shrink(blob: Blob): Promise<Blob> {
  if (typeof document === 'undefined' || typeof createImageBitmap !== 'function') return blob;
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return blob;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    return jpeg && jpeg.size < blob.size ? jpeg : blob;
  } catch {
    return blob;
  }
}

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const API_BASE = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

const h5Upload: Uploader = async ({ filePath, folder, group }) => {
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    return fail('INTERNAL', '读取图片失败，请重新选择');
  }
  blob = await shrink(blob);
  if (!ACCEPTED.includes(blob.type)) return fail('INVALID_ARGUMENT', '只支持 JPG、PNG、WebP 格式的图片');
  if (blob.size > MAX_BYTES) return fail('INVALID_ARGUMENT', '图片太大（超过 4 MB），请换一张');
  const headers: Record<string, string> = { 'Content-Type': blob.type, Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const query = `folder=${encodeURIComponent(folder)}&group=${encodeURIComponent(safeGroupOf(group))}`;
    const response = await fetch(`${API_BASE}/api/storage/upload?${query}`, {
      method: 'POST',
      headers,
      body: blob,
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 200 && isRecord(body) && typeof body.fileID === 'string') {
      return { ok: true, data: { fileID: body.fileID } };
    }
    return toFailure(body) ?? fail('INTERNAL', UPLOAD_FAILED);
  } catch {
    return fail('INTERNAL', FAILURE_MESSAGES.network);
  }
};

/** Uploads one chosen photo; always resolves, with the fileID or a message to show. */
export const uploadImage: Uploader = process.env.TARO_ENV === 'weapp' ? weappUpload : h5Upload;

/** A document or image attached to a notice or a study task. */
export interface AttachmentUpload {
  /** A temporary file path (chooseMessageFile / chooseImage), or in H5 a blob: URL. */
  filePath: string;
  name: string;
  /**
   * Where it goes; each function accepts only its own folder: a notice's poster's `notices/<memberId>/`,
   * a study task's branch `study/<branchId>/`.
   */
  folder: AttachmentFolder;
  group: string;
}

export type AttachmentFolder = 'notices' | 'study' | 'appraisal';

const ATTACHMENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const ATTACHMENT_FAILED = '附件上传失败，请检查网络后重试';
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** Uploads one attachment as it is (documents are not recompressed); resolves, never throws. */
export async function uploadAttachment({
  filePath,
  name,
  folder,
  group: rawGroup,
}: AttachmentUpload): Promise<Result<{ fileID: string; size: number }>> {
  const ext = extensionOf(name);
  const type = ATTACHMENT_TYPES[ext];
  if (!type) return fail('INVALID_ARGUMENT', '附件只支持图片、PDF、Word、Excel、PPT 文件');
  const group = safeGroupOf(rawGroup);
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const info = (await Taro.getFileInfo({ filePath })) as { size: number };
      if (info.size > MAX_ATTACHMENT_BYTES) return fail('INVALID_ARGUMENT', '单个附件不能超过 20 MB');
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `${folder}/${group}/${randomName()}.${ext === 'jpeg' ? 'jpg' : ext}`,
        filePath,
      });
      return fileID ? { ok: true, data: { fileID, size: info.size } } : fail('INTERNAL', ATTACHMENT_FAILED);
    } catch {
      return fail('INTERNAL', ATTACHMENT_FAILED);
    }
  }
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    return fail('INTERNAL', '读取文件失败，请重新选择');
  }
  if (blob.size > MAX_ATTACHMENT_BYTES) return fail('INVALID_ARGUMENT', '单个附件不能超过 20 MB');
  const headers: Record<string, string> = { 'Content-Type': type, Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await fetch(`${API_BASE}/api/storage/upload?folder=${folder}&group=${encodeURIComponent(group)}`, {
      method: 'POST',
      headers,
      body: blob,
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 200 && isRecord(body) && typeof body.fileID === 'string') {
      return { ok: true, data: { fileID: body.fileID, size: blob.size } };
    }
    return toFailure(body) ?? fail('INTERNAL', ATTACHMENT_FAILED);
  } catch {
    return fail('INTERNAL', FAILURE_MESSAGES.network);
  }
}

const SHEET_FAILED = '文件上传失败，请检查网络后重试';
/** The local server takes up to 10 MB of .xlsx; 10,000 questions are about 2 MB. */
const MAX_SHEET_BYTES = 10 * 1024 * 1024;

/**
 * A sheet for import, uploaded as it is to `<folder>/<branchId>/import/` (the function reads only
 * from the caller's branch's folder): question banks to `quiz`, 党费基数 to `dues`. Resolves with
 * the fileID or a message; never throws.
 */
export async function uploadImportSheet({
  filePath,
  branchId,
  folder,
}: {
  filePath: string;
  branchId: string;
  folder: 'quiz' | 'dues';
}): Promise<Result<{ fileID: string }>> {
  const group = `${safeGroupOf(branchId)}/import`;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `${folder}/${group}/${randomName()}.xlsx`,
        filePath,
      });
      return fileID ? { ok: true, data: { fileID } } : fail('INTERNAL', SHEET_FAILED);
    } catch {
      return fail('INTERNAL', SHEET_FAILED);
    }
  }
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    return fail('INTERNAL', '读取文件失败，请重新选择');
  }
  if (blob.size > MAX_SHEET_BYTES) return fail('INVALID_ARGUMENT', '文件超过 10 MB，请分批导入');
  const headers: Record<string, string> = { 'Content-Type': ATTACHMENT_TYPES.xlsx!, Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const query = `folder=${folder}&group=${encodeURIComponent(group)}`;
    const response = await fetch(`${API_BASE}/api/storage/upload?${query}`, { method: 'POST', headers, body: blob });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 200 && isRecord(body) && typeof body.fileID === 'string') {
      return { ok: true, data: { fileID: body.fileID } };
    }
    return toFailure(body) ?? fail('INTERNAL', SHEET_FAILED);
  } catch {
    return fail('INTERNAL', FAILURE_MESSAGES.network);
  }
}

/** A question sheet for import, to `quiz/<branchId>/import/`. */
export const uploadQuestionSheet = ({ filePath, branchId }: { filePath: string; branchId: string }) =>
  uploadImportSheet({ filePath, branchId, folder: 'quiz' });
