import { Picker, Text, View } from '@tarojs/components';
import './OrgList.css';

interface FilterChipProps {
  /** Shown while the first option (“all”) is chosen. */
  label: string;
  /** The first option means “no filter”. */
  options: readonly string[];
  value: number;
  onChange: (index: number) => void;
}

/** A filter as a tappable chip that opens WeChat's picker; tinted while it filters. */
export function FilterChip({ label, options, value, onChange }: FilterChipProps) {
  const active = value > 0;
  return (
    <Picker
      mode="selector"
      range={[...options]}
      value={value}
      onChange={(event) => onChange(Number(event.detail.value))}
    >
      <View className={`org-chip${active ? ' org-chip--active' : ''}`} aria-label={`筛选${label}`}>
        <Text className="org-chip__text">{active ? options[value] : label}</Text>
        <View className="org-chip__caret" />
      </View>
    </Picker>
  );
}

/** An on/off filter chip. */
export function ToggleChip({ label, on, onChange }: { label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View
      className={`org-chip${on ? ' org-chip--active' : ''}`}
      role="switch"
      aria-checked={on}
      onClick={() => onChange(!on)}
    >
      <Text className="org-chip__text">{label}</Text>
    </View>
  );
}
