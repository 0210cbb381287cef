import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ErrorState, LoadingState } from '@/ui';
import { letters, quizApi } from './api';
import { QuestionView } from './QuestionView';
import './quiz.css';

/** The member's own result: score, pass or not, and — where the quiz allows — each wrong question explained. */
export function ResultView({ attemptId }: { attemptId: string }) {
  const load = useCallback(() => quizApi.result(attemptId), [attemptId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const r = state.data;
  return (
    <View>
      <View className="quiz-score" role="status">
        <Text className="quiz-intro__title">{r.title}</Text>
        <Text className={`quiz-score__number${r.passed ? '' : ' quiz-score__number--failed'}`}>{r.score} 分</Text>
        <Text className="quiz-score__line">{r.passed ? '恭喜，已通过' : `未通过（${r.passScore} 分及格）`}</Text>
        <Text className="quiz-score__line">
          答对 {r.correctCount} / {r.questionCount} 题{r.closedByDeadline ? '（时间到，按已保存的答案计分）' : ''}
        </Text>
      </View>
      {r.review === undefined ? (
        <Text className="quiz-saved">本次测试不显示答案解析。</Text>
      ) : r.review.length === 0 ? (
        <Text className="quiz-saved">全部答对，没有错题。</Text>
      ) : (
        <>
          <Text className="quiz-saved">以下为答错的题目，已加入错题本</Text>
          {r.review.map((item, i) => (
            <View key={item.questionId}>
              <QuestionView index={i} question={item} chosen={item.chosen} answer={item.answer} />
              <View className="quiz-question" style={{ marginTop: 0, paddingTop: 0 }}>
                <Text className="quiz-answer-line">
                  我的答案：{letters(item.chosen)} · 正确答案：{letters(item.answer)}
                </Text>
                {item.explanation ? <Text className="quiz-explain">解析：{item.explanation}</Text> : null}
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
