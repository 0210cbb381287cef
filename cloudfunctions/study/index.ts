import { contracts, useChineseErrors } from '@zhibu/types';
import { createFunction } from '../core/runtime/handler';
import { studyHandlers } from '../core/study/study.handlers';

useChineseErrors();

/** 学习：学习任务、完成学习与心得体会、点评与优秀分享、个人学习笔记（仅本人可见）与导出。 */
export const main = createFunction('study', contracts.study, studyHandlers);
