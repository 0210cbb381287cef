/**
 * `@tarojs/components` as plain DOM elements, keeping the props tests rely on (class, click,
 * input value, disabled, ARIA) and dropping Taro-only ones.
 */
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

interface BaseProps {
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  role?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-busy'?: boolean | 'true' | 'false';
}

function domProps({ className, onClick, role, style, ...rest }: BaseProps): HTMLAttributes<HTMLElement> {
  return { className, onClick, role, style, 'aria-label': rest['aria-label'], 'aria-busy': rest['aria-busy'] };
}

export function View({ children, ...props }: BaseProps & { hoverClass?: string }) {
  return <div {...domProps(props)}>{children}</div>;
}

export function Text({ children, ...props }: BaseProps) {
  return <span {...domProps(props)}>{children}</span>;
}

export function Button({
  children,
  disabled,
  loading,
  ...props
}: BaseProps & { disabled?: boolean; loading?: boolean; hoverClass?: string }) {
  return (
    <button type="button" disabled={disabled} {...domProps({ ...props, 'aria-busy': loading })}>
      {children}
    </button>
  );
}

export function Image({ src, ...props }: BaseProps & { src: string; mode?: string }) {
  return <img alt="" src={src} {...domProps(props)} />;
}

interface InputProps extends BaseProps {
  value?: string;
  placeholder?: string;
  type?: string;
  placeholderClass?: string;
  confirmType?: string;
  onInput?: (event: { detail: { value: string } }) => void;
}

export function Input({ value, placeholder, onInput, ...props }: InputProps) {
  return (
    <input
      value={value}
      placeholder={placeholder}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
      {...domProps(props)}
    />
  );
}
