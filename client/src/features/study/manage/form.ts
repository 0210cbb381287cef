import type { StudyTaskDetail } from '@zhibu/types';
import { DEFAULT_REFLECTION_MIN } from '@zhibu/types';
import { audienceOf, audienceProblem, audienceValue, type AudienceValue } from '@/features/audience';
import type { ActionInput } from '@/services';

export interface TaskAttachment {
  fileId: string;
  name: string;
  size?: number;
}

export interface TaskFormValues {
  title: string;
  text: string;
  /** One link a line. */
  links: string;
  startDate: string;
  dueDate: string;
  needsReflection: boolean;
  minLength: string;
  /** A secretary: the branch, committee, a party group or chosen members; an admin: all or chosen branches. */
  sendTo: AudienceValue;
  attachments: TaskAttachment[];
}

const DAY = 24 * 3600_000;
const OFFSET = 8 * 3600_000;
const dateOf = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);

export function emptyTaskForm(isAdmin: boolean, now = Date.now()): TaskFormValues {
  return {
    title: '',
    text: '',
    links: '',
    startDate: dateOf(now),
    dueDate: dateOf(now + 7 * DAY),
    needsReflection: true,
    minLength: String(DEFAULT_REFLECTION_MIN),
    sendTo: { ...audienceValue(null), kind: isAdmin ? 'allBranches' : 'branch' },
    attachments: [],
  };
}

/**
 * 再发一期: the same title, material, reflection and audience, starting today and lasting as long
 * as the last one did. The secretary changes the theme if it changes, and publishes.
 */
export function copyOf(task: StudyTaskDetail, isAdmin: boolean, now = Date.now()): TaskFormValues {
  const days = Math.max(1, Math.round((Date.parse(task.dueAt) - Date.parse(task.startAt)) / DAY));
  return {
    title: task.title,
    text: task.material.text,
    links: task.material.links.join('\n'),
    startDate: dateOf(now),
    dueDate: dateOf(now + days * DAY),
    needsReflection: task.reflectionMin !== null,
    minLength: String(task.reflectionMin ?? DEFAULT_REFLECTION_MIN),
    sendTo: isAdmin
      ? task.pushId !== null
        ? { ...audienceValue(null), kind: 'allBranches' }
        : { ...audienceValue(null), kind: 'branches', branchIds: [task.branchId] }
      : audienceValue(task.audience),
    attachments: task.material.attachments.map(({ fileId, name }) => ({ fileId, name })),
  };
}

/** The request the form sends, or a problem to show first. Dates are whole Beijing days. */
export function taskInputOf(
  values: TaskFormValues,
  isAdmin: boolean,
  requestId: string,
  ownBranchId: string,
): { input: ActionInput<'study', 'createTask'> } | { problem: string } {
  const title = values.title.trim();
  if (title.length < 2) return { problem: '请填写任务标题（至少 2 个字）' };
  const links = values.links
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!values.text.trim() && links.length === 0 && values.attachments.length === 0)
    return { problem: '请填写学习材料、添加附件或链接' };
  if (links.some((l) => !/^https?:\/\//.test(l))) return { problem: '链接应以 http:// 或 https:// 开头' };
  const today = dateOf(Date.now());
  const startAt = values.startDate > today ? `${values.startDate}T00:00:00+08:00` : undefined;
  const dueAt = `${values.dueDate}T23:59:59+08:00`;
  if (values.dueDate < values.startDate || values.dueDate < today) return { problem: '截止日期应不早于开始日期和今天' };
  const minLength = Number(values.minLength);
  if (values.needsReflection && (!Number.isInteger(minLength) || minLength < 1 || minLength > 5000))
    return { problem: '心得字数要求应为 1 到 5000 之间的整数' };
  const chosen = audienceProblem(values.sendTo);
  if (chosen) return { problem: chosen };
  const { sendTo } = values;
  const audience = audienceOf(sendTo);
  const attachments = values.attachments.map(({ fileId, name }) => ({ fileId, name }));
  return {
    input: {
      title,
      material: {
        ...(values.text.trim() ? { text: values.text.trim() } : {}),
        ...(attachments.length ? { attachments } : {}),
        ...(links.length ? { links } : {}),
      },
      ...(startAt ? { startAt } : {}),
      dueAt,
      // A bureau admin sends to every branch or to chosen ones (a bureau task reaches each whole
      // branch); a branch task has its audience.
      ...(isAdmin
        ? sendTo.kind === 'branches'
          ? { branchIds: sendTo.branchIds }
          : sendTo.kind === 'allBranches'
            ? {}
            : { branchIds: [ownBranchId] }
        : audience
          ? { audience }
          : {}),
      ...(values.needsReflection ? { reflection: { minLength } } : {}),
      requestId,
    },
  };
}
