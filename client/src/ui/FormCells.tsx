import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './Form.css';

export function FormGroup({ title, footer, children }: { title?: string; footer?: string; children: ReactNode }) {
  return (
    <View className="form-group">
      {title ? <Text className="form-group__title">{title}</Text> : null}
      <View className="form-group__body">{children}</View>
      {footer ? <Text className="form-group__footer">{footer}</Text> : null}
    </View>
  );
}

interface FormInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
  required?: boolean;
  /** Something at the end of the row, such as a 删除 link. */
  trailing?: ReactNode;
}

/** A labelled text field in a white cell, as WeChat's own forms have them. */
export function FormInput({
  label,
  value,
  onChange,
  placeholder,
  type = 'text',
  maxlength,
  required,
  trailing,
}: FormInputProps) {
  return (
    <View className="form-cell">
      <Text className="form-cell__label">
        {label}
        {required ? <Text className="form-cell__required">*</Text> : null}
      </Text>
      <Input
        className="form-cell__input"
        placeholderClass="form-cell__placeholder"
        type={type}
        value={value}
        maxlength={maxlength ?? 140}
        placeholder={placeholder ?? `请填写${label}`}
        onInput={(event) => onChange(event.detail.value)}
      />
      {trailing}
    </View>
  );
}

interface FormPickerProps {
  label: string;
  /** The options as shown. */
  options: readonly string[];
  /** Index of the chosen option, or -1 for none yet. */
  index: number;
  onChange: (index: number) => void;
  placeholder?: string;
  required?: boolean;
}

/** A choice from a short list, through WeChat's bottom picker. */
export function FormPicker({ label, options, index, onChange, placeholder = '请选择', required }: FormPickerProps) {
  const chosen = index >= 0 ? options[index] : undefined;
  return (
    <View className="form-cell form-cell--picker">
      <Picker
        className="form-cell__picker"
        mode="selector"
        range={[...options]}
        value={Math.max(index, 0)}
        onChange={(event) => onChange(Number(event.detail.value))}
      >
        <View className="form-cell__picker-inner" aria-label={label}>
          <Text className="form-cell__label">
            {label}
            {required ? <Text className="form-cell__required">*</Text> : null}
          </Text>
          <Text className={chosen ? 'form-cell__value' : 'form-cell__value form-cell__placeholder'}>
            {chosen ?? placeholder}
          </Text>
          <View className="form-cell__arrow" />
        </View>
      </Picker>
    </View>
  );
}

interface FormDateProps {
  label: string;
  /** `YYYY-MM-DD`, or empty for none. */
  value: string;
  onChange: (value: string) => void;
  start?: string;
  end?: string;
  placeholder?: string;
  /** Shown as the value when set: the stored form is not how people read dates. */
  display?: (value: string) => string;
  onClear?: () => void;
  required?: boolean;
}

export function FormDate({
  label,
  value,
  onChange,
  start,
  end,
  placeholder = '请选择日期',
  display,
  onClear,
  required,
}: FormDateProps) {
  return (
    <View className="form-cell form-cell--picker">
      <Picker
        className="form-cell__picker"
        mode="date"
        value={value}
        start={start ?? '1921-07-01'}
        end={end ?? '2100-12-31'}
        onChange={(event) => onChange(String(event.detail.value))}
      >
        <View className="form-cell__picker-inner" aria-label={label}>
          <Text className="form-cell__label">
            {label}
            {required ? <Text className="form-cell__required">*</Text> : null}
          </Text>
          <Text className={value ? 'form-cell__value' : 'form-cell__value form-cell__placeholder'}>
            {value ? (display ? display(value) : value) : placeholder}
          </Text>
          {value && onClear ? null : <View className="form-cell__arrow" />}
        </View>
      </Picker>
      {value && onClear ? (
        <Text className="form-cell__clear" onClick={onClear}>
          清除
        </Text>
      ) : null}
    </View>
  );
}

interface FormTextareaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength: number;
}

export function FormTextarea({ label, value, onChange, placeholder, maxlength }: FormTextareaProps) {
  return (
    <View className="form-cell form-cell--textarea">
      <Text className="form-cell__label">{label}</Text>
      <Textarea
        className="form-cell__textarea"
        placeholderClass="form-cell__placeholder"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
      <Text className="form-cell__count">
        {value.length}/{maxlength}
      </Text>
    </View>
  );
}

/** The buttons under a form. */
export function FormActions({ children }: { children: ReactNode }) {
  return <View className="form-actions">{children}</View>;
}

/** Why the form was not saved, under the fields. */
export function FormProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <View className="form-error" role="alert">
      {problem}
    </View>
  ) : null;
}
