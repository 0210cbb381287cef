import { COLLECTIONS, type activityContract } from '@zhibu/types';
import type { z } from 'zod';
import { managedActivity } from './access';
import type { Session } from '../member/session';
import { failedPrecondition } from '../runtime/app-error';
import { cloud, database } from '../runtime/cloud';
import { getActivity } from './activity.service';

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

/** 会议记录: saved by the branch committee once the meeting has begun; saving again replaces it. */
export async function saveMinutes(session: Session, input: z.infer<(typeof activityContract)['saveMinutes']['input']>) {
  const activity = await managedActivity(session, input.activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  if (new Date(activity.startAt).getTime() > Date.now()) throw failedPrecondition('会议开始后才能填写会议记录');
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
  return getActivity(session, activity._id);
}
