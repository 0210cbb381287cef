import { Text, View } from '@tarojs/components';
import type { PaperQuestion } from '@zhibu/types';
import { OPTION_LABELS } from './api';
import { TYPE_LABELS } from './labels';
import './quiz.css';

interface QuestionViewProps {
  index: number;
  question: PaperQuestion;
  chosen: readonly number[];
  onChoose?: (choice: number[]) => void;
  /** After answering (result, practice): the key and the wrong picks are marked. */
  answer?: readonly number[];
}

/** One question with large tappable options; single choice and 判断 replace, multiple choice toggles. */
export function QuestionView({ index, question, chosen, onChoose, answer }: QuestionViewProps) {
  const tap = (i: number) => {
    if (!onChoose) return;
    if (question.type === 'multiple')
      onChoose(chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i].sort((a, b) => a - b));
    else onChoose([i]);
  };
  return (
    <View className="quiz-question" aria-label={`第 ${index + 1} 题`}>
      <Text className="quiz-question__type">
        {index + 1}. {TYPE_LABELS[question.type]}
        {question.type === 'multiple' ? '（可选多项）' : ''}
      </Text>
      <Text className="quiz-question__stem">{question.stem}</Text>
      {question.options.map((text, i) => {
        const picked = chosen.includes(i);
        const isKey = answer?.includes(i) ?? false;
        const tone = answer ? (isKey ? ' quiz-option--key' : picked ? ' quiz-option--wrong' : '') : '';
        return (
          <View
            key={i}
            role={question.type === 'multiple' ? 'checkbox' : 'radio'}
            aria-checked={picked}
            className={`quiz-option${picked ? ' quiz-option--chosen' : ''}${tone}`}
            onClick={() => tap(i)}
          >
            <Text className="quiz-option__letter">{OPTION_LABELS[i]}</Text>
            <Text>{text}</Text>
          </View>
        );
      })}
    </View>
  );
}
