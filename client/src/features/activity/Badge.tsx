import { Text } from '@tarojs/components';
import type { ActivityType } from '@zhibu/types';
import { typeTag } from './names';
import type { Badge as BadgeData } from './state';
import './parts.css';

export function Badge({ badge }: { badge: BadgeData }) {
  return <Text className={`act-badge act-badge--${badge.tone}`}>{badge.text}</Text>;
}

/** 支部党员大会, 支委会, …: the kind of meeting, in party red. */
export function TypeTag({ type }: { type: ActivityType }) {
  return <Text className="act-type-tag">{typeTag(type)}</Text>;
}
