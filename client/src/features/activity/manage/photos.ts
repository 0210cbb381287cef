/** One photo in the minutes editor, from choosing through upload. */
export interface PhotoItem {
  key: string;
  /** What the image shows: the local file while uploading, the stored photo's URL after. */
  src: string;
  /** The stored file, once uploaded. */
  fileId: string | null;
  status: 'uploading' | 'done' | 'failed';
  /** The local file, kept to try a failed upload again. */
  localPath: string | null;
}

export const MAX_PHOTOS = 9;

let counter = 0;
export const newPhotoKey = () => `p${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The fileIDs to save, in the order shown; null while any photo is still uploading or has failed. */
export function savedPhotoIds(photos: PhotoItem[]): string[] | null {
  if (photos.some((p) => p.status !== 'done' || !p.fileId)) return null;
  return photos.map((p) => p.fileId as string);
}

/** How many more photos may be chosen. */
export function roomFor(photos: PhotoItem[]): number {
  return Math.max(0, MAX_PHOTOS - photos.length);
}

/** A starting layout for the record, filled with what the app already knows. */
export function minutesTemplate(info: {
  when: string;
  place: string;
  host: string;
  expected: number;
  present: number;
  leave: number;
  agenda: string;
}): string {
  return [
    `时间：${info.when}`,
    `地点：${info.place}`,
    `主持人：${info.host}`,
    `参加人员：应到 ${info.expected} 人，实到 ${info.present} 人，请假 ${info.leave} 人`,
    `议程：${info.agenda ? `\n${info.agenda}` : ''}`,
    '会议内容及发言摘要：',
    '',
    '会议决定：',
    '',
  ].join('\n');
}
