import { contracts, useChineseErrors } from '@zhibu/types';
import { quizHandlers } from '../core/quiz/quiz.handlers';
import { createFunction } from '../core/runtime/handler';

useChineseErrors();

/** 理论测试：题库、服务端抽题与计分、限时与次数、错题本、试题分析。答案在交卷前从不离开服务端。 */
export const main = createFunction('quiz', contracts.quiz, quizHandlers);
