import { IMAGE_EXTENSIONS, type AttachmentInput, type NoticeAttachment, type NoticeDoc } from '@zhibu/types';
import { invalidArgument } from '../runtime/app-error';
import { photoUrls } from '../activity/minutes.service';

/** The storage folder a member uploads notice attachments to; the client names it the same way. */
export const attachmentFolder = (memberId: string) => `notices/${memberId}/`;

/**
 * Whether a stored file sits directly in `folder` (`notices/<memberId>/`, `study/<branchId>/`), with
 * nothing that climbs out of it. `local://` ids exist only in the local runtime, which says so in
 * ZHIBU_LOCAL_RUNTIME; CloudBase ids are `cloud://<env>.<bucket>/<path>`.
 */
export function isFileIn(fileId: string, folder: string): boolean {
  const local = process.env.ZHIBU_LOCAL_RUNTIME === '1';
  const path = fileId.startsWith('cloud://')
    ? fileId.slice('cloud://'.length).split('/').slice(1).join('/')
    : local && fileId.startsWith('local://')
      ? fileId.slice('local://'.length)
      : null;
  return path !== null && path.startsWith(folder) && !path.includes('..') && !path.slice(folder.length).includes('/');
}

/**
 * Only files the poster (or, on an edit, the editor) uploaded into their own folder may be attached, so a notice cannot point at
 * another branch's minutes photos or another poster's files. `local://` ids exist only in the local
 * runtime, which says so in ZHIBU_LOCAL_RUNTIME; CloudBase ids are `cloud://<env>.<bucket>/<path>`.
 */
export function checkAttachments(
  memberId: string,
  attachments: AttachmentInput[],
  kept: NoticeDoc['attachments'],
): NoticeDoc['attachments'] {
  const folder = attachmentFolder(memberId);
  const keptIds = new Set(kept.map((a) => a.fileId));
  for (const a of attachments) {
    // An edit may keep what the notice already had, whoever of the committee uploaded it.
    if (keptIds.has(a.fileId)) continue;
    if (!isFileIn(a.fileId, folder)) throw invalidArgument(`附件「${a.name}」不是您上传的文件，请重新上传`);
  }
  return attachments.map(({ fileId, name, size }) => ({ fileId, name, size }));
}

const isImage = (name: string) => IMAGE_EXTENSIONS.includes(name.split('.').pop()?.toLowerCase() ?? '');

export async function attachmentViews(attachments: NoticeDoc['attachments']): Promise<NoticeAttachment[]> {
  const urls = await photoUrls(attachments.map((a) => a.fileId));
  return attachments.map((a) => ({
    ...a,
    kind: isImage(a.name) ? 'image' : 'document',
    url: urls.get(a.fileId) ?? null,
  }));
}
