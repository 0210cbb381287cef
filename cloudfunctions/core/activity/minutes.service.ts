import { COLLECTIONS, type activityContract } from '@zhibu/types';
import type { z } from 'zod';
import { managedActivity } from './access';
import type { Session } from '../member/session';
import { failedPrecondition, invalidArgument } from '../runtime/app-error';
import { cloud, database } from '../runtime/cloud';
import { getActivity } from './activity.service';
import { markMinuted } from './counters';

/** Temporary download URLs for stored photos; a photo whose URL cannot be had shows as missing. */
export async function photoUrls(fileIds: string[]): Promise<Map<string, string | null>> {
  if (fileIds.length === 0) return new Map();
  try {
    const { fileList } = (await cloud.getTempFileURL({ fileList: fileIds })) as {
      fileList: { fileID: string; tempFileURL?: string; status?: number }[];
    };
    return new Map(
      fileList.map((f) => [f.fileID, f.status === 0 || f.status === undefined ? (f.tempFileURL ?? null) : null]),
    );
  } catch (error) {
    console.error('[minutes] getTempFileURL failed', error);
    return new Map(fileIds.map((id) => [id, null]));
  }
}

/**
 * The folder a branch's minutes photos are uploaded to (client/src/services/upload.ts builds the
 * same path): `cloud://<env>.<bucket>/minutes/<branchId>/<file>` on CloudBase,
 * `local://minutes/<branchId>/<file>` in the local runtime.
 */
export const minutesFolder = (branchId: string) => `minutes/${branchId}/`;

const FILE_NAME = /^[\w-]{1,80}\.(jpe?g|png|webp)$/i;
const LOCAL_PREFIX = 'local://';

/**
 * `local://` files exist only in the local runtime, which says so in the process environment at
 * start (emulator/runtime.ts); nothing in an event can make production accept one.
 */
const isLocalRuntime = () => process.env.ZHIBU_LOCAL_RUNTIME === '1';

/** The environment this function runs in, as the platform says (CloudBase's file IDs start with it). */
function currentEnv(): string | null {
  const env = (cloud.getWXContext() as { ENV?: unknown }).ENV;
  return typeof env === 'string' && env.length > 0 ? env : null;
}

/**
 * A photo may be kept in a branch's minutes only if it was uploaded to that branch's own folder in
 * this environment's storage: never another branch's photo, another environment's, or a path that
 * climbs out of the folder.
 */
export function isOwnMinutesPhoto(fileId: string, branchId: string): boolean {
  const folder = minutesFolder(branchId);
  let path: string;
  if (fileId.startsWith(LOCAL_PREFIX)) {
    if (!isLocalRuntime()) return false;
    path = fileId.slice(LOCAL_PREFIX.length);
  } else {
    const match = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileId);
    if (!match) return false;
    const env = currentEnv();
    if (env && !match[1]!.startsWith(`${env}.`)) return false;
    path = match[2]!;
  }
  return path.startsWith(folder) && FILE_NAME.test(path.slice(folder.length));
}

/** 会议记录: saved by the branch committee once the meeting has begun; saving again replaces it. */
export async function saveMinutes(session: Session, input: z.infer<(typeof activityContract)['saveMinutes']['input']>) {
  const activity = await managedActivity(session, input.activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  if (new Date(activity.startAt).getTime() > Date.now()) throw failedPrecondition('会议开始后才能填写会议记录');
  if (!input.photos.every((fileId) => isOwnMinutesPhoto(fileId, activity.branchId))) {
    throw invalidArgument('照片无效：请在本页重新上传照片后再保存');
  }
  const minutes = {
    text: input.text,
    photos: input.photos,
    savedAt: new Date(),
    savedBy: session.member._id,
    savedByName: session.member.name,
  };
  await database()
    .collection(COLLECTIONS.activities)
    .doc(activity._id)
    .update({ data: { minutes: database().command.set(minutes) } });
  if (!activity.minutes) await markMinuted(activity);
  return getActivity(session, activity._id);
}
