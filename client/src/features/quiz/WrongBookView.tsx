import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PaperQuestion, WrongItem } from '@zhibu/types';
import { useState } from 'react';
import emptyStudy from '@/assets/empty/study.png';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, EmptyState, ErrorState, ListFooter, LoadingState, showFailureToast } from '@/ui';
import { letters, quizApi } from './api';
import { QuestionView } from './QuestionView';
import './quiz.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const idOf = (item: WrongItem) => item.questionId;

interface Checked {
  correct: boolean;
  answer: number[];
  explanation: string;
  mastered: boolean;
}

/** Practice: questions redrawn from the book; nothing here counts toward any quiz. */
function Practice({ questions, onDone }: { questions: PaperQuestion[]; onDone: () => void }) {
  const [at, setAt] = useState(0);
  const [chosen, setChosen] = useState<number[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const question = questions[at]!;
  const check = async () => {
    setBusy(true);
    const result = await quizApi.practiceAnswer(question.questionId, chosen);
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    setChecked(result.data);
  };
  const next = () => {
    if (at + 1 >= questions.length) return onDone();
    setAt(at + 1);
    setChosen([]);
    setChecked(null);
  };
  return (
    <View>
      <Text className="quiz-saved">
        错题练习 {at + 1}/{questions.length} · 练习不计入成绩
      </Text>
      <QuestionView
        index={at}
        question={question}
        chosen={chosen}
        answer={checked?.answer}
        onChoose={checked ? undefined : setChosen}
      />
      {checked ? (
        <View className="quiz-question">
          <Text className="quiz-answer-line">
            {checked.correct ? '回答正确' : '回答错误'} · 正确答案：{letters(checked.answer)}
            {checked.mastered ? ' · 已掌握' : ''}
          </Text>
          {checked.explanation ? <Text className="quiz-explain">解析：{checked.explanation}</Text> : null}
        </View>
      ) : null}
      <View className="quiz-actions">
        {checked ? (
          <Button onClick={next}>{at + 1 >= questions.length ? '完成练习' : '下一题'}</Button>
        ) : (
          <Button loading={busy} disabled={chosen.length === 0} onClick={() => void check()}>
            提交答案
          </Button>
        )}
      </View>
    </View>
  );
}

/** 错题本: every question the member got wrong, how often, and a practice mode. */
export function WrongBookView() {
  const list = usePagedList(quizApi.wrongBook, { idOf });
  const [practice, setPractice] = useState<PaperQuestion[] | null>(null);
  const [starting, setStarting] = useState(false);
  usePullToReload(list.reload);
  useReachBottom(() => void list.loadMore());

  const startPractice = async () => {
    setStarting(true);
    const result = await quizApi.practice(5);
    setStarting(false);
    if (!result.ok) return showFailureToast(result);
    if (result.data.questions.length === 0) {
      void Taro.showToast({ title: '错题都已掌握', icon: 'none' });
      return;
    }
    setPractice(result.data.questions);
  };

  if (practice)
    return (
      <Practice
        questions={practice}
        onDone={() => {
          setPractice(null);
          void list.reload();
        }}
      />
    );
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error')
    return <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  if (list.items.length === 0)
    return <EmptyState image={emptyStudy} title="错题本是空的" description="测试中答错的题目会自动记录在这里。" />;
  return (
    <View>
      <View className="quiz-actions">
        <Button loading={starting} onClick={() => void startPractice()}>
          开始错题练习
        </Button>
      </View>
      {list.items.map((item, i) => (
        <View key={item.questionId}>
          <QuestionView index={i} question={item} chosen={[]} answer={item.answer} />
          <View className="quiz-question" style={{ marginTop: 0, paddingTop: 0 }}>
            <Text className="quiz-answer-line">
              正确答案：{letters(item.answer)} · 答错 {item.wrongTimes} 次
              {item.mastered ? ' · 已掌握' : item.practiceStreak ? ` · 练习连对 ${item.practiceStreak} 次` : ''}
            </Text>
            {item.explanation ? <Text className="quiz-explain">解析：{item.explanation}</Text> : null}
          </View>
        </View>
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 道错题`} />
    </View>
  );
}
