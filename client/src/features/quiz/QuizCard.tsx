import { Text, View } from '@tarojs/components';
import type { QuizSummary } from '@zhibu/types';
import { beijingDateTime as formatDateTime } from './time';
import { STATE_LABELS } from './labels';
import './quiz.css';

export function StateBadge({ state }: { state: QuizSummary['state'] }) {
  const label = STATE_LABELS[state];
  return <Text className={`quiz-badge quiz-badge--${label.tone}`}>{label.text}</Text>;
}

/** One quiz in the member's list: what, until when, and where they stand (their own score only). */
export function QuizCard({ quiz, onOpen }: { quiz: QuizSummary; onOpen: (quizId: string) => void }) {
  return (
    <View
      className="quiz-card"
      hoverClass="quiz-card--hover"
      aria-label={quiz.title}
      onClick={() => onOpen(quiz.quizId)}
    >
      <View className="quiz-card__head">
        <Text className="quiz-card__title">{quiz.title}</Text>
        <StateBadge state={quiz.state} />
      </View>
      <Text className="quiz-card__meta">截止：{formatDateTime(quiz.closeAt)}</Text>
      <Text className="quiz-card__meta">
        {quiz.questionCount} 题 · 限时 {quiz.timeLimitMinutes} 分钟 · 已作答 {quiz.attemptsUsed}/{quiz.maxAttempts} 次
        {quiz.score !== null ? ` · 我的成绩 ${quiz.score} 分` : ''}
      </Text>
    </View>
  );
}
