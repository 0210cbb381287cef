import type { CompletionView, StudyCompletionDoc, StudyTaskDoc } from '@zhibu/types';

const iso = (d: Date) => new Date(d).toISOString();

function commentView(c: StudyCompletionDoc['comment']) {
  return c ? { text: c.text, byName: c.byName, at: iso(c.at) } : null;
}

/** A reflection may be changed until the due date, and not once the committee has commented on it. */
export function isEditable(task: Pick<StudyTaskDoc, 'dueAt'>, completion: StudyCompletionDoc, now = new Date()) {
  return completion.comment === null && now.getTime() <= new Date(task.dueAt).getTime();
}

export function myCompletionView(task: StudyTaskDoc, c: StudyCompletionDoc) {
  return {
    completedAt: iso(c.completedAt),
    late: c.late,
    reflection: c.reflection,
    comment: commentView(c.comment),
    excellent: c.excellent,
    editable: isEditable(task, c),
  };
}

export function completionView(c: StudyCompletionDoc): CompletionView {
  return {
    taskId: c.taskId,
    memberId: c.memberId,
    name: c.memberName,
    completedAt: iso(c.completedAt),
    late: c.late,
    reflection: c.reflection,
    comment: commentView(c.comment),
    excellent: c.excellent,
  };
}
