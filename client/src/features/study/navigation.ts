import Taro from '@tarojs/taro';

/** Member screens are in the main package; the committee's in the study subpackage. */
export const STUDY_PAGES = {
  list: '/pages/study/index',
  task: '/pages/study/task/index',
  notes: '/pages/study/notes/index',
  note: '/pages/study/note/index',
  edit: '/packages/study/edit/index',
  manage: '/packages/study/manage/index',
  progress: '/packages/study/progress/index',
  reflection: '/packages/study/reflection/index',
} as const;

const go = (url: string) => void Taro.navigateTo({ url });
const q = encodeURIComponent;

export const openTask = (taskId: string) => go(`${STUDY_PAGES.task}?id=${q(taskId)}`);
export const openNotes = () => go(STUDY_PAGES.notes);
export const openNote = (noteId?: string, taskId?: string) =>
  go(`${STUDY_PAGES.note}?${noteId ? `id=${q(noteId)}` : ''}${taskId ? `&taskId=${q(taskId)}` : ''}`);
export const openCreateTask = (copyFrom?: string) =>
  go(copyFrom ? `${STUDY_PAGES.edit}?copyFrom=${q(copyFrom)}` : STUDY_PAGES.edit);
export const openManage = () => go(STUDY_PAGES.manage);
export const openProgress = (taskId: string) => go(`${STUDY_PAGES.progress}?id=${q(taskId)}`);
export const openReflection = (taskId: string, memberId: string) =>
  go(`${STUDY_PAGES.reflection}?id=${q(taskId)}&memberId=${q(memberId)}`);
