import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { attemptResult, saveAnswer, startAttempt, submitAttempt } from './attempts';
import { createBank, listBanks } from './banks';
import { exportQuestions, importQuestions, questionTemplate } from './import.service';
import { managedQuizzes, quizRoster, quizStats } from './manage';
import { getMyQuiz, listMyQuizzes } from './my-quizzes';
import { createQuiz } from './publish';
import { createQuestion, listQuestions, retireQuestion, updateQuestion } from './questions';
import { practice, practiceAnswer, wrongBook } from './wrong-book';

export const quizHandlers: Handlers<typeof contracts.quiz> = {
  createBank: { access: 'member', run: (input, { session }) => createBank(session, input) },
  listBanks: { access: 'member', run: (input, { session }) => listBanks(session, input) },
  createQuestion: { access: 'member', run: (input, { session }) => createQuestion(session, input) },
  updateQuestion: { access: 'member', run: (input, { session }) => updateQuestion(session, input) },
  retireQuestion: { access: 'member', run: (input, { session }) => retireQuestion(session, input) },
  listQuestions: { access: 'member', run: (input, { session }) => listQuestions(session, input) },
  importQuestions: { access: 'member', run: (input, { session }) => importQuestions(session, input) },
  exportQuestions: { access: 'member', run: (input, { session }) => exportQuestions(session, input) },
  template: { access: 'member', run: (_input, { session }) => questionTemplate(session) },
  create: { access: 'member', run: (input, { session }) => createQuiz(session, input) },
  list: { access: 'member', run: (input, { session }) => listMyQuizzes(session, input) },
  get: { access: 'member', run: (input, { session }) => getMyQuiz(session, input.quizId) },
  start: { access: 'member', run: (input, { session }) => startAttempt(session, input.quizId) },
  answer: { access: 'member', run: (input, { session }) => saveAnswer(session, input) },
  submit: { access: 'member', run: (input, { session }) => submitAttempt(session, input) },
  result: { access: 'member', run: (input, { session }) => attemptResult(session, input.attemptId) },
  wrongBook: { access: 'member', run: (input, { session }) => wrongBook(session, input) },
  practice: { access: 'member', run: (input, { session }) => practice(session, input) },
  practiceAnswer: { access: 'member', run: (input, { session }) => practiceAnswer(session, input) },
  managed: { access: 'member', run: (input, { session }) => managedQuizzes(session, input) },
  stats: { access: 'member', run: (input, { session }) => quizStats(session, input) },
  roster: { access: 'member', run: (input, { session }) => quizRoster(session, input) },
};
