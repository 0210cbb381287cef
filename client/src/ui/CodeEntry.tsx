import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './CodeEntry.css';

interface CodeEntryProps {
  title: string;
  hint: string;
  /** The field's label, also its accessible name. */
  label: string;
  value: string;
  placeholder: string;
  maxlength: number;
  /** `short`: a few characters spaced wide (an invite code); `long`: a grouped code (XXXX-XXXX-XXXX). */
  size: 'short' | 'long';
  problem: string | null;
  /** Under the field while there is no problem. */
  tip?: ReactNode;
  onInput: (typed: string) => void;
  onConfirm: () => void;
  /** Inside the card, under the field. */
  children?: ReactNode;
}

/**
 * A page that asks for one code before anything else (binding with an invite code, a teacher's
 * 评价码): a title and a hint, then a card with the code typed large in a monospace face.
 */
export function CodeEntry(props: CodeEntryProps) {
  const { problem, size } = props;
  return (
    <>
      <View className="code-entry__intro">
        <Text className="code-entry__title">{props.title}</Text>
        <Text className="code-entry__hint">{props.hint}</Text>
      </View>
      <View className="code-entry__card">
        <Text className="code-entry__label">{props.label}</Text>
        <Input
          className={`code-entry__input code-entry__input--${size}${problem ? ' code-entry__input--error' : ''}`}
          placeholderClass={`code-entry__placeholder code-entry__placeholder--${size}`}
          type="text"
          value={props.value}
          maxlength={props.maxlength}
          placeholder={props.placeholder}
          confirmType="done"
          aria-label={props.label}
          onInput={(event) => props.onInput(event.detail.value)}
          onConfirm={props.onConfirm}
        />
        {problem ? (
          <View className="code-entry__problem" role="alert">
            {problem}
          </View>
        ) : props.tip ? (
          <Text className="code-entry__tip">{props.tip}</Text>
        ) : null}
        {props.children}
      </View>
    </>
  );
}
