import { Button as TaroButton } from '@tarojs/components';
import type { ReactNode } from 'react';
import './Button.css';

interface ButtonProps {
  kind?: 'primary' | 'secondary' | 'warn';
  loading?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

export function Button({ kind = 'primary', loading = false, disabled = false, onClick, children }: ButtonProps) {
  return (
    <TaroButton
      className={`zb-button zb-button--${kind}`}
      hoverClass="zb-button--hover"
      loading={loading}
      // Only set when true: the H5 component treats any present `disabled` attribute as disabled.
      disabled={disabled || loading || undefined}
      onClick={onClick}
    >
      {children}
    </TaroButton>
  );
}
