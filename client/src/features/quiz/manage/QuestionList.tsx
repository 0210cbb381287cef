import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { QuestionType, QuizQuestion } from '@zhibu/types';
import { useState } from 'react';
import {
  Button,
  EmptyState,
  ErrorState,
  FormActions,
  FormGroup,
  FormInput,
  FormPicker,
  FormProblem,
  FormTextarea,
  ListFooter,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { usePagedList } from '@/hooks/usePagedList';
import emptyStudy from '@/assets/empty/study.png';
import { letters, OPTION_LABELS, quizApi, quizPages } from '../api';
import { TYPE_LABELS } from '../labels';
import '../quiz.css';
import './manage.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const idOf = (q: QuizQuestion) => q.questionId;
const TYPES: QuestionType[] = ['single', 'multiple', 'judge'];

/**
 * A question typed on the phone: options one per line, the key as letters (B, or ACD). With
 * `editing`, the same form changes that question; papers already drawn keep their own copy.
 */
function QuestionForm({
  bankId,
  editing,
  onSaved,
}: {
  bankId: string;
  editing: QuizQuestion | null;
  onSaved: () => void;
}) {
  const [type, setType] = useState(editing ? TYPES.indexOf(editing.type) : 0);
  const [stem, setStem] = useState(editing?.stem ?? '');
  const [options, setOptions] = useState(editing && editing.type !== 'judge' ? editing.options.join('\n') : '');
  const [answer, setAnswer] = useState(
    editing
      ? editing.type === 'judge'
        ? editing.answer[0] === 0
          ? '对'
          : '错'
        : letters(editing.answer).replace(/、/g, '')
      : '',
  );
  const [explanation, setExplanation] = useState(editing?.explanation ?? '');
  const [tags, setTags] = useState(editing?.tags.join('、') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const kind = TYPES[type]!;
    const opts =
      kind === 'judge'
        ? ['对', '错']
        : options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean);
    const key = answer.toUpperCase().replace(/[^A-H对错]/g, '');
    const indexes =
      kind === 'judge' ? [key.startsWith('错') || key === 'B' ? 1 : 0] : [...key].map((l) => OPTION_LABELS.indexOf(l));
    setSaving(true);
    const question = {
      type: kind,
      stem: stem.trim(),
      options: opts,
      answer: indexes,
      ...(explanation.trim() ? { explanation: explanation.trim() } : {}),
      ...(tags.trim() ? { tags: tags.split(/[\s,，、]+/).filter(Boolean) } : {}),
      ...(editing ? { difficulty: editing.difficulty } : {}),
    };
    const result = editing
      ? await quizApi.updateQuestion({ questionId: editing.questionId, question })
      : await quizApi.createQuestion({ bankId, ...question });
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      return showFailureToast(result);
    }
    setProblem(null);
    setStem('');
    setOptions('');
    setAnswer('');
    setExplanation('');
    onSaved();
  };

  return (
    <>
      <FormGroup title={editing ? '修改题目（已抽到的试卷不受影响）' : '添加题目'}>
        <FormPicker label="题型" options={TYPES.map((t) => TYPE_LABELS[t])} index={type} onChange={setType} required />
        <FormTextarea label="题干" value={stem} onChange={setStem} maxlength={500} />
        {TYPES[type] === 'judge' ? null : (
          <FormTextarea label="选项（每行一个）" value={options} onChange={setOptions} maxlength={1600} />
        )}
        <FormInput
          label="答案"
          value={answer}
          onChange={setAnswer}
          placeholder={TYPES[type] === 'judge' ? '对 或 错' : '选项字母，如 B 或 ACD'}
          maxlength={8}
          required
        />
        <FormTextarea label="解析" value={explanation} onChange={setExplanation} maxlength={1000} />
        <FormInput label="标签" value={tags} onChange={setTags} placeholder="如：党章、条例" />
      </FormGroup>
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} disabled={stem.trim().length < 2} onClick={() => void save()}>
          {editing ? '保存修改' : '保存题目'}
        </Button>
      </FormActions>
    </>
  );
}

/** The questions of one bank with their keys (editors only), retire and restore, import and export. */
export function QuestionList({ bankId, name }: { bankId: string; name: string }) {
  const list = usePagedList((page, size) => quizApi.listQuestions(bankId, page, size), { idOf, key: bankId });
  const [editing, setEditing] = useState<QuizQuestion | null>(null);
  usePullToReload(list.reload);
  useReachBottom(() => void list.loadMore());
  useDidShow(() => {
    if (list.loadedAt !== null) void list.reload();
  });

  const retire = async (q: QuizQuestion) => {
    const result = await quizApi.retireQuestion(q.questionId, !q.retired);
    if (!result.ok) return showFailureToast(result);
    list.update((items) => items.filter((i) => i.questionId !== q.questionId));
  };

  return (
    <View>
      <View className="quiz-actions">
        <Button kind="secondary" onClick={() => void Taro.navigateTo({ url: quizPages.importSheet(bankId, name) })}>
          Excel 导入 / 导出
        </Button>
      </View>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState image={emptyStudy} title="题库还是空的" description="可以在下面逐题添加，或用 Excel 批量导入。" />
      ) : null}
      {list.items.map((q) => (
        <View key={q.questionId} className="qm-row">
          <Text className="qm-row__title">
            [{TYPE_LABELS[q.type]}] {q.stem}
          </Text>
          {q.options.map((o, i) => (
            <Text key={i} className="qm-row__meta">
              {OPTION_LABELS[i]}. {o}
            </Text>
          ))}
          <Text className="qm-row__meta">
            答案：{letters(q.answer)} · 难度 {q.difficulty}
            {q.tags.length ? ` · ${q.tags.join('、')}` : ''}
          </Text>
          <View className="qm-row__actions">
            <Text onClick={() => setEditing(q)}>编辑</Text>
            <Text onClick={() => void retire(q)}>{q.retired ? '恢复' : '停用'}</Text>
          </View>
        </View>
      ))}
      {list.status === 'ready' && list.items.length > 0 ? (
        <ListFooter list={list} totalText={(n) => `共 ${n} 题`} />
      ) : null}
      <QuestionForm
        key={editing?.questionId ?? 'new'}
        bankId={bankId}
        editing={editing}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
    </View>
  );
}
