import { Text, View } from '@tarojs/components';
import './Segmented.css';

export interface Segment<K extends string> {
  key: K;
  label: string;
  count?: number;
}

interface SegmentedProps<K extends string> {
  segments: Segment<K>[];
  value: K;
  onChange: (key: K) => void;
}

/** Tabs inside a page (即将开始 / 已结束; 实到 / 请假 / 缺席), underlined in green. */
export function Segmented<K extends string>({ segments, value, onChange }: SegmentedProps<K>) {
  return (
    <View className="act-segmented" role="tablist">
      {segments.map((segment) => (
        <View
          key={segment.key}
          role="tab"
          aria-selected={segment.key === value}
          className={`act-segmented__item${segment.key === value ? ' act-segmented__item--active' : ''}`}
          onClick={() => onChange(segment.key)}
        >
          <Text>{segment.label}</Text>
          {segment.count !== undefined ? <Text className="act-segmented__count">{segment.count}</Text> : null}
        </View>
      ))}
    </View>
  );
}
