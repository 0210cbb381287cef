import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import './parts.css';

export interface TextDialogProps {
  open: boolean;
  title: string;
  message?: string;
  placeholder: string;
  confirmText?: string;
  /** A destructive action (取消活动) shows its button in red. */
  danger?: boolean;
  /** Fewest characters the text must have; 0 makes it optional. */
  minLength?: number;
  maxLength?: number;
  /** Returns an error to show in the dialog, or null when done (the dialog then closes). */
  onConfirm: (text: string) => Promise<string | null>;
  onClose: () => void;
}

/**
 * A WeChat-style modal with a text box, for the reason a leave is asked for, an attendance is
 * changed or an activity is cancelled. (`showModal` cannot take text in the H5 build.)
 */
export function TextDialog({
  open,
  title,
  message,
  placeholder,
  confirmText = '确定',
  danger = false,
  minLength = 2,
  maxLength = 200,
  onConfirm,
  onClose,
}: TextDialogProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setText('');
      setError('');
      setBusy(false);
    }
  }, [open]);

  if (!open) return null;

  const confirm = async () => {
    if (busy) return;
    const value = text.trim();
    if (value.length < minLength) {
      setError(`请至少写 ${minLength} 个字`);
      return;
    }
    setBusy(true);
    const problem = await onConfirm(value);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <View className="act-dialog" role="dialog" aria-label={title} catchMove>
      <View className="act-dialog__box">
        <View className="act-dialog__body">
          <Text className="act-dialog__title">{title}</Text>
          {message ? <Text className="act-dialog__message">{message}</Text> : null}
          <Textarea
            className="act-dialog__textarea"
            placeholderClass="act-dialog__placeholder"
            value={text}
            placeholder={placeholder}
            maxlength={maxLength}
            fixed
            focus
            onInput={(event) => {
              setText(event.detail.value);
              if (error) setError('');
            }}
          />
          <Text className="act-dialog__counter">
            {text.length}/{maxLength}
          </Text>
          {error ? <Text className="act-dialog__error">{error}</Text> : null}
        </View>
        <View className="act-dialog__actions">
          <View
            className="act-dialog__action act-dialog__action--cancel"
            hoverClass="act-dialog__action--hover"
            onClick={onClose}
          >
            取消
          </View>
          <View
            className={`act-dialog__action act-dialog__action--${danger ? 'danger' : 'confirm'}${
              busy ? ' act-dialog__action--busy' : ''
            }`}
            hoverClass="act-dialog__action--hover"
            onClick={() => void confirm()}
          >
            {busy ? '请稍候…' : confirmText}
          </View>
        </View>
      </View>
    </View>
  );
}
