import { Text, View } from '@tarojs/components';
import './stats.css';

export interface Figure {
  label: string;
  value: string;
  /** The counts behind a rate (实到 12 / 应到 14 · 请假 1). */
  sub?: string;
}

/** Figures two to a row, each with its label and the counts behind it. */
export function Figures({ figures }: { figures: Figure[] }) {
  return (
    <View className="st-figures">
      {figures.map((f) => (
        <View key={f.label} className="st-figure" aria-label={f.label}>
          <Text className="st-figure__number">{f.value}</Text>
          <Text className="st-figure__label">{f.label}</Text>
          {f.sub ? <Text className="st-figure__sub">{f.sub}</Text> : null}
        </View>
      ))}
    </View>
  );
}
