import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { comment, complete, completion, progress, shared } from './completion.service';
import { deleteNote, exportNotes, getNote, listNotes, saveNote } from './notes.service';
import { createTask, getTask, listTasks, manageList } from './task.service';

export const studyHandlers: Handlers<typeof contracts.study> = {
  createTask: { access: 'member', run: (input, { session }) => createTask(session, input) },
  list: { access: 'member', run: (input, { session }) => listTasks(session, input) },
  get: { access: 'member', run: (input, { session }) => getTask(session, input.taskId) },
  complete: { access: 'member', run: (input, { session }) => complete(session, input) },
  progress: { access: 'member', run: (input, { session }) => progress(session, input.taskId) },
  completion: { access: 'member', run: (input, { session }) => completion(session, input) },
  comment: { access: 'member', run: (input, { session }) => comment(session, input) },
  manageList: { access: 'member', run: (input, { session }) => manageList(session, input) },
  shared: { access: 'member', run: (input, { session }) => shared(session, input) },
  saveNote: { access: 'member', run: (input, { session }) => saveNote(session, input) },
  listNotes: { access: 'member', run: (input, { session }) => listNotes(session, input) },
  getNote: { access: 'member', run: (input, { session }) => getNote(session, input.noteId) },
  deleteNote: { access: 'member', run: (input, { session }) => deleteNote(session, input.noteId) },
  exportNotes: { access: 'member', run: (input, { session }) => exportNotes(session, input) },
};
