import { COLLECTIONS, type StudyNote, type StudyNoteDoc, type studyContract } from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { countDocs, getAllDocs, getDocs } from '../runtime/documents';
import { timeOrderedId } from '../runtime/ids';
import { beijingDate } from '../runtime/time';
import { visibleTask } from './access';
import { notesDocx, notesXlsx } from './notes-export';

type Input<K extends keyof typeof studyContract> = z.infer<(typeof studyContract)[K]['input']>;

/**
 * Reading notes (学习笔记) are the member's own. Every read and write here is filtered by the
 * caller's member id and takes no other person's id from the event: nobody else — committee and
 * bureau included — can reach them through any action.
 */
const NO_NOTE = '没有找到该笔记';
const MAX_EXPORT = 2000;

function toNote(doc: StudyNoteDoc): StudyNote {
  return {
    noteId: doc._id,
    taskId: doc.taskId,
    taskTitle: doc.taskTitle,
    text: doc.text,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

const ownNote = (session: Session, noteId: string) =>
  database().collection(COLLECTIONS.studyNotes).where({ _id: noteId, memberId: session.member._id });

export async function saveNote(session: Session, input: Input<'saveNote'>): Promise<StudyNote> {
  const db = database();
  const now = new Date();
  const task = input.taskId ? await visibleTask(session, input.taskId) : null;
  if (input.noteId) {
    const [existing] = await getDocs<StudyNoteDoc>(ownNote(session, input.noteId).limit(1));
    if (!existing) throw notFound(NO_NOTE);
    const changes = {
      text: input.text,
      updatedAt: now,
      ...(task ? { taskId: task._id, taskTitle: task.title } : {}),
    };
    const result = (await ownNote(session, input.noteId).update({ data: changes })) as { stats: { updated: number } };
    if (result.stats.updated === 0) throw notFound(NO_NOTE);
    return toNote({ ...existing, ...changes });
  }
  const note: StudyNoteDoc = {
    _id: timeOrderedId('n', now),
    memberId: session.member._id,
    taskId: task?._id ?? null,
    taskTitle: task?.title ?? null,
    text: input.text,
    createdAt: now,
    updatedAt: now,
  };
  await db.collection(COLLECTIONS.studyNotes).add({ data: note });
  return toNote(note);
}

export async function listNotes(session: Session, input: Input<'listNotes'>) {
  const db = database();
  const where = { memberId: session.member._id };
  const [notes, total] = await Promise.all([
    getDocs<StudyNoteDoc>(
      db
        .collection(COLLECTIONS.studyNotes)
        .where(where)
        .orderBy('updatedAt', 'desc')
        .orderBy('_id', 'desc')
        .skip((input.page - 1) * input.pageSize)
        .limit(input.pageSize),
    ),
    countDocs(db.collection(COLLECTIONS.studyNotes).where(where)),
  ]);
  return { items: notes.map(toNote), total };
}

export async function getNote(session: Session, noteId: string): Promise<StudyNote> {
  const [note] = await getDocs<StudyNoteDoc>(ownNote(session, noteId).limit(1));
  if (!note) throw notFound(NO_NOTE);
  return toNote(note);
}

export async function deleteNote(session: Session, noteId: string) {
  const result = (await ownNote(session, noteId).remove()) as { stats: { removed: number } };
  if (result.stats.removed === 0) throw notFound(NO_NOTE);
  return { deleted: true };
}

export async function exportNotes(session: Session, input: Input<'exportNotes'>) {
  const db = database();
  const notes = (
    await getAllDocs<StudyNoteDoc>(() =>
      db
        .collection(COLLECTIONS.studyNotes)
        .where({ memberId: session.member._id })
        .orderBy('updatedAt', 'desc')
        .orderBy('_id', 'desc'),
    )
  ).slice(0, MAX_EXPORT);
  const file = input.format === 'docx' ? notesDocx(session.member.name, notes) : await notesXlsx(notes);
  return {
    fileName: `学习笔记-${beijingDate(new Date())}.${input.format}`,
    fileBase64: file.toString('base64'),
    count: notes.length,
  };
}
