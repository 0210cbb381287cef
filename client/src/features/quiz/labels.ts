import type { MyQuizState, QuestionType } from '@zhibu/types';

export const TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

export const STATE_LABELS: Record<MyQuizState, { text: string; tone: 'green' | 'grey' | 'red' | 'orange' }> = {
  upcoming: { text: '未开始', tone: 'grey' },
  todo: { text: '待完成', tone: 'orange' },
  in_progress: { text: '作答中', tone: 'orange' },
  passed: { text: '已通过', tone: 'green' },
  failed: { text: '未通过', tone: 'red' },
  missed: { text: '未参加', tone: 'grey' },
};

export const MULTIPLE_RULES = { all: '全部选对才得分', partial: '少选得一半、错选不得分' } as const;
