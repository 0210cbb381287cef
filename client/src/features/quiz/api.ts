import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** Every quiz call the screens make. Each resolves to a Result, never throws. */
export const quizApi = {
  list: (scope: 'open' | 'past', page: number, pageSize: number) =>
    callFunction('quiz', 'list', { scope, page, pageSize }),
  get: (quizId: string) => callFunction('quiz', 'get', { quizId }),
  start: (quizId: string) => callFunction('quiz', 'start', { quizId }),
  answer: (attemptId: string, questionId: string, choice: number[]) =>
    callFunction('quiz', 'answer', { attemptId, questionId, choice }),
  submit: (attemptId: string, answers: Record<string, number[]>) =>
    callFunction('quiz', 'submit', { attemptId, answers }),
  result: (attemptId: string) => callFunction('quiz', 'result', { attemptId }),
  wrongBook: (page: number, pageSize: number) => callFunction('quiz', 'wrongBook', { page, pageSize }),
  practice: (count: number) => callFunction('quiz', 'practice', { count }),
  practiceAnswer: (questionId: string, choice: number[]) =>
    callFunction('quiz', 'practiceAnswer', { questionId, choice }),
  // Management
  listBanks: (page: number, pageSize: number) => callFunction('quiz', 'listBanks', { page, pageSize }),
  createBank: (name: string) => callFunction('quiz', 'createBank', { name }),
  listQuestions: (bankId: string, page: number, pageSize: number) =>
    callFunction('quiz', 'listQuestions', { bankId, page, pageSize }),
  createQuestion: (input: ActionInput<'quiz', 'createQuestion'>) => callFunction('quiz', 'createQuestion', input),
  updateQuestion: (input: ActionInput<'quiz', 'updateQuestion'>) => callFunction('quiz', 'updateQuestion', input),
  retireQuestion: (questionId: string, retired: boolean) =>
    callFunction('quiz', 'retireQuestion', { questionId, retired }),
  /** `fileId`: the sheet uploaded with uploadQuestionSheet. */
  importQuestions: (bankId: string, fileId: string, mode: 'check' | 'commit') =>
    callFunction('quiz', 'importQuestions', { bankId, fileId, mode }),
  exportQuestions: (bankId: string) => callFunction('quiz', 'exportQuestions', { bankId }),
  template: () => callFunction('quiz', 'template', {}),
  create: (input: ActionInput<'quiz', 'create'>) => callFunction('quiz', 'create', input),
  managed: (page: number, pageSize: number) => callFunction('quiz', 'managed', { page, pageSize }),
  stats: (quizId: string) => callFunction('quiz', 'stats', { quizId }),
  roster: (quizId: string, page: number, pageSize: number) =>
    callFunction('quiz', 'roster', { quizId, page, pageSize }),
};

export const quizPages = {
  list: () => '/pages/quiz/index',
  take: (quizId: string) => `/pages/quiz/take/index?quizId=${encodeURIComponent(quizId)}`,
  result: (attemptId: string) => `/pages/quiz/result/index?attemptId=${encodeURIComponent(attemptId)}`,
  wrongBook: () => '/pages/quiz/wrong/index',
  banks: () => '/packages/quiz/banks/index',
  questions: (bankId: string, name: string) =>
    `/packages/quiz/questions/index?bankId=${encodeURIComponent(bankId)}&name=${encodeURIComponent(name)}`,
  importSheet: (bankId: string, name: string) =>
    `/packages/quiz/import/index?bankId=${encodeURIComponent(bankId)}&name=${encodeURIComponent(name)}`,
  create: () => '/packages/quiz/create/index',
  managed: () => '/packages/quiz/manage/index',
  stats: (quizId: string) => `/packages/quiz/stats/index?quizId=${encodeURIComponent(quizId)}`,
};

export const OPTION_LABELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
export const letters = (choice: readonly number[]) => choice.map((i) => OPTION_LABELS[i]).join('、') || '未作答';
