import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { QuizAttempt, QuizDetail } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { beijingDateTime as formatDateTime } from './time';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, LoadingState, showFailureToast } from '@/ui';
import { quizApi, quizPages } from './api';
import { formatLeft, phoneDeadline } from './countdown';
import { MULTIPLE_RULES, STATE_LABELS } from './labels';
import { QuestionView } from './QuestionView';
import './quiz.css';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The paper: countdown on the server's clock, each answer saved as soon as it is chosen. */
function Paper({ attempt, onSubmitted }: { attempt: QuizAttempt; onSubmitted: (attemptId: string) => void }) {
  const [chosen, setChosen] = useState<Record<string, number[]>>(attempt.saved);
  const [save, setSave] = useState<SaveState>('idle');
  const [submitting, setSubmitting] = useState(false);
  const deadline = useRef(phoneDeadline(attempt.deadline, attempt.serverTime, Date.now()));
  const [left, setLeft] = useState(deadline.current - Date.now());
  const submitted = useRef(false);
  const chosenRef = useRef(chosen);
  chosenRef.current = chosen;

  const submit = useCallback(async () => {
    if (submitted.current) return;
    submitted.current = true;
    setSubmitting(true);
    // Whatever is on screen goes with the submission, in case a save was lost on the way.
    const result = await quizApi.submit(attempt.attemptId, chosenRef.current);
    setSubmitting(false);
    if (!result.ok) {
      submitted.current = false;
      showFailureToast(result);
      return;
    }
    onSubmitted(attempt.attemptId);
  }, [attempt.attemptId, onSubmitted]);

  useEffect(() => {
    const timer = setInterval(() => {
      const remaining = deadline.current - Date.now();
      setLeft(remaining);
      if (remaining <= 0) {
        clearInterval(timer);
        void submit();
      }
    }, 500);
    return () => clearInterval(timer);
  }, [submit]);

  const choose = async (questionId: string, choice: number[]) => {
    setChosen((current) => ({ ...current, [questionId]: choice }));
    setSave('saving');
    const result = await quizApi.answer(attempt.attemptId, questionId, choice);
    if (!result.ok) {
      setSave('failed');
      showFailureToast(result);
      return;
    }
    setSave('saved');
  };

  const confirmSubmit = async () => {
    const unanswered = attempt.questions.filter((q) => !(chosen[q.questionId]?.length ?? 0)).length;
    const answer = await Taro.showModal({
      title: '确认交卷',
      content: unanswered
        ? `还有 ${unanswered} 题未作答，交卷后不能修改。确定交卷吗？`
        : '交卷后不能修改。确定交卷吗？',
      confirmText: '交卷',
      cancelText: '再看看',
      confirmColor: '#07c160',
    });
    if (answer.confirm) await submit();
  };

  const answered = attempt.questions.filter((q) => (chosen[q.questionId]?.length ?? 0) > 0).length;
  return (
    <View>
      <View className={`quiz-timer${left < 60_000 ? ' quiz-timer--low' : ''}`} role="timer" aria-label="剩余时间">
        <Text>
          已答 {answered}/{attempt.questions.length}
        </Text>
        <Text className="quiz-timer__clock">剩余 {formatLeft(left)}</Text>
      </View>
      {attempt.questions.map((q, i) => (
        <QuestionView
          key={q.questionId}
          index={i}
          question={q}
          chosen={chosen[q.questionId] ?? []}
          onChoose={(choice) => void choose(q.questionId, choice)}
        />
      ))}
      <View className="quiz-saved" role="status">
        {save === 'saving'
          ? '正在保存…'
          : save === 'saved'
            ? '答案已自动保存'
            : save === 'failed'
              ? '保存失败，交卷时会一并提交'
              : '每选一题都会自动保存'}
      </View>
      <View className="quiz-actions">
        <Button loading={submitting} onClick={() => void confirmSubmit()}>
          交卷
        </Button>
      </View>
    </View>
  );
}

function Intro({ quiz, onStart, starting }: { quiz: QuizDetail; onStart: () => void; starting: boolean }) {
  const now = Date.parse(quiz.serverTime);
  const open = now >= Date.parse(quiz.openAt) && now < Date.parse(quiz.closeAt);
  const attemptsLeft = quiz.maxAttempts - quiz.attemptsUsed;
  const canStart = open && attemptsLeft > 0 && quiz.state !== 'passed';
  const canRetry = open && attemptsLeft > 0 && quiz.state === 'passed';
  return (
    <View>
      <View className="quiz-intro">
        <Text className="quiz-intro__title">{quiz.title}</Text>
        <Text className="quiz-intro__line">状态：{STATE_LABELS[quiz.state].text}</Text>
        <Text className="quiz-intro__line">
          时间：{formatDateTime(quiz.openAt)} 至 {formatDateTime(quiz.closeAt)}
        </Text>
        <Text className="quiz-intro__line">
          共 {quiz.questionCount} 题，满分 100 分，{quiz.passScore} 分及格，限时 {quiz.timeLimitMinutes} 分钟
        </Text>
        <Text className="quiz-intro__line">
          可作答 {quiz.maxAttempts} 次（已用 {quiz.attemptsUsed} 次），按
          {quiz.countRule === 'best' ? '最高' : '最后一次'}成绩计
        </Text>
        <Text className="quiz-intro__line">多选题：{MULTIPLE_RULES[quiz.multipleRule]}</Text>
        {quiz.score !== null ? <Text className="quiz-intro__line">我的成绩：{quiz.score} 分</Text> : null}
      </View>
      <View className="quiz-actions">
        {canStart || canRetry ? (
          <Button loading={starting} onClick={onStart}>
            {quiz.attemptsUsed > 0 ? '再考一次' : '开始答题'}
          </Button>
        ) : null}
        {quiz.lastAttemptId ? (
          <View style={{ marginTop: '12px' }}>
            <Button
              kind="secondary"
              onClick={() => void Taro.navigateTo({ url: quizPages.result(quiz.lastAttemptId!) })}
            >
              查看成绩与解析
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** 参加测试: the quiz, then the paper; an attempt in progress resumes by itself (reopened app, reload). */
export function TakeQuiz({ quizId }: { quizId: string }) {
  const load = useCallback(() => quizApi.get(quizId), [quizId]);
  const { state, reload } = useRemoteData(load);
  const [attempt, setAttempt] = useState<QuizAttempt | null>(null);
  const [starting, setStarting] = useState(false);
  const resumed = useRef(false);

  const start = useCallback(async () => {
    setStarting(true);
    const result = await quizApi.start(quizId);
    setStarting(false);
    if (!result.ok) {
      showFailureToast(result);
      void reload();
      return;
    }
    setAttempt(result.data);
  }, [quizId, reload]);

  useEffect(() => {
    if (state.status === 'ready' && state.data.state === 'in_progress' && !resumed.current) {
      resumed.current = true;
      void start();
    }
  }, [state, start]);

  const submitted = useCallback((attemptId: string) => {
    void Taro.redirectTo({ url: quizPages.result(attemptId) });
  }, []);

  if (attempt) return <Paper attempt={attempt} onSubmitted={submitted} />;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  if (state.data.state === 'in_progress') return <LoadingState text="正在恢复作答进度" />;
  return <Intro quiz={state.data} starting={starting} onStart={() => void start()} />;
}
