import { Text, View } from '@tarojs/components';
import './manage.css';

/** A large tappable check row. */
export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <View
      className="qm-check"
      role="checkbox"
      aria-checked={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
    >
      <View className={`qm-check__box${checked ? ' qm-check__box--on' : ''}`} />
      <Text>{label}</Text>
    </View>
  );
}
