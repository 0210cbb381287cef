import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './RadioRow.css';

interface RadioRowProps {
  label: string;
  on: boolean;
  disabled?: boolean;
  onClick: () => void;
  /** Shown after the label, on the right of the row (a note, or a link to what was chosen). */
  children?: ReactNode;
}

/** One choice of a list where exactly one is chosen, drawn as WeChat's round radio on a cell. */
export function RadioRow({ label, on, disabled = false, onClick, children }: RadioRowProps) {
  return (
    <View
      className="radio-row"
      hoverClass="radio-row--hover"
      role="radio"
      aria-checked={on}
      aria-disabled={disabled}
      onClick={() => (disabled ? undefined : onClick())}
    >
      <View className={`radio-row__mark${on ? ' radio-row__mark--on' : ''}`} />
      <Text className="radio-row__label">{label}</Text>
      {children}
    </View>
  );
}
