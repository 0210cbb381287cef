import { Text, View } from '@tarojs/components';
import { Segmented } from '@/ui';
import { changeKind, isFuture, kindOf, PERIOD_KINDS, periodName, shiftPeriod, type PeriodKind } from './period';
import './stats.css';

interface PeriodPickerProps {
  value: string;
  onChange: (period: string) => void;
  /** The kinds offered (考评 is by half-year and year only). */
  kinds?: PeriodKind[];
}

/** 月 / 季度 / 半年 / 年, and ‹ 2026年3月 › to step back and forth; never past the running period. */
export function PeriodPicker({ value, onChange, kinds }: PeriodPickerProps) {
  const offered = PERIOD_KINDS.filter((k) => !kinds || kinds.includes(k.key));
  const next = shiftPeriod(value, 1);
  const canNext = !isFuture(next);
  return (
    <View className="st-period" aria-label="统计周期">
      {offered.length > 1 ? (
        <Segmented segments={offered} value={kindOf(value)} onChange={(kind) => onChange(changeKind(value, kind))} />
      ) : null}
      <View className="st-period__nav">
        <View
          className="st-period__arrow"
          role="button"
          aria-label="上一期"
          onClick={() => onChange(shiftPeriod(value, -1))}
        >
          <Text>‹</Text>
        </View>
        <Text className="st-period__name">{periodName(value)}</Text>
        <View
          className={`st-period__arrow${canNext ? '' : ' st-period__arrow--off'}`}
          role="button"
          aria-label="下一期"
          aria-disabled={!canNext}
          onClick={() => canNext && onChange(next)}
        >
          <Text>›</Text>
        </View>
      </View>
    </View>
  );
}
