import { callFunction } from '@/services';
import { changeCounter } from '@/hooks/changes';

/** Every study call the member screens make. Each resolves to a Result, never throws. */
export const studyApi = {
  list: (status: 'todo' | 'done', page: number, pageSize: number) =>
    callFunction('study', 'list', { status, page, pageSize }),
  get: (taskId: string) => callFunction('study', 'get', { taskId }),
  complete: (taskId: string, reflection?: string) =>
    callFunction('study', 'complete', reflection === undefined ? { taskId } : { taskId, reflection }),
  shared: (page: number, pageSize: number, taskId?: string) =>
    callFunction('study', 'shared', taskId ? { taskId, page, pageSize } : { page, pageSize }),
  listNotes: (page: number, pageSize: number) => callFunction('study', 'listNotes', { page, pageSize }),
  saveNote: (input: { noteId?: string; taskId?: string; text: string }) => callFunction('study', 'saveNote', input),
  getNote: (noteId: string) => callFunction('study', 'getNote', { noteId }),
  deleteNote: (noteId: string) => callFunction('study', 'deleteNote', { noteId }),
  exportNotes: (format: 'xlsx' | 'docx') => callFunction('study', 'exportNotes', { format }),
};

const changes = changeCounter();

/** Bumped when this phone changes study data, so lists already open reload when shown again. */
export const noteStudyChanged = changes.mark;
export const studyChangeCount = changes.count;
