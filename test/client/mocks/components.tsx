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
  'aria-checked'?: boolean;
}

function domProps({ className, onClick, role, style, ...rest }: BaseProps): HTMLAttributes<HTMLElement> {
  return {
    className,
    onClick,
    role,
    style,
    'aria-label': rest['aria-label'],
    'aria-busy': rest['aria-busy'],
    'aria-checked': rest['aria-checked'],
  };
}

export function View({ children, ...props }: BaseProps & { hoverClass?: string }) {
  return <div {...domProps(props)}>{children}</div>;
}

/** A scrolling box: in a test, a plain box (scrolling is the browser tests' business). */
export function ScrollView({ children, ...props }: BaseProps & { scrollX?: boolean; scrollY?: boolean }) {
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

interface PickerProps extends BaseProps {
  mode?: 'selector' | 'date' | 'time' | 'multiSelector' | 'region';
  range?: unknown[];
  value?: number | string;
  start?: string;
  end?: string;
  onChange?: (event: { detail: { value: number | string } }) => void;
}

/**
 * WeChat's picker as a native control next to what it wraps: a `<select>` of the range for a
 * selector, a date field for a date, so tests choose with `fireEvent.change`.
 */
export function Picker({ mode = 'selector', range = [], value, onChange, children, ...props }: PickerProps) {
  const label = props['aria-label'] ?? 'picker';
  return (
    <div {...domProps({ ...props, 'aria-label': undefined })}>
      {children}
      {mode === 'time' ? (
        <input
          type="time"
          aria-label={`${label}-time`}
          value={String(value ?? '')}
          onChange={(event) => onChange?.({ detail: { value: event.target.value } })}
        />
      ) : mode === 'date' ? (
        <input
          type="date"
          aria-label={`${label}-date`}
          value={String(value ?? '')}
          onChange={(event) => onChange?.({ detail: { value: event.target.value } })}
        />
      ) : (
        <select
          aria-label={`${label}-select`}
          value={String(value ?? 0)}
          onChange={(event) => onChange?.({ detail: { value: Number(event.target.value) } })}
        >
          {range.map((option, index) => (
            <option key={index} value={index}>
              {String(option)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

export function Textarea({ value, placeholder, onInput, ...props }: InputProps) {
  return (
    <textarea
      value={value}
      placeholder={placeholder}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
      {...domProps(props)}
    />
  );
}

interface InputProps extends BaseProps {
  value?: string;
  placeholder?: string;
  type?: string;
  placeholderClass?: string;
  confirmType?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onConfirm?: () => void;
}

export function Input({ value, placeholder, onInput, onConfirm, ...props }: InputProps) {
  return (
    <input
      value={value}
      placeholder={placeholder}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onConfirm?.();
      }}
      {...domProps(props)}
    />
  );
}
