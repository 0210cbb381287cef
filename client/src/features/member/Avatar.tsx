import { Text, View } from '@tarojs/components';
import './Avatar.css';

const COLORS = ['#c8161d', '#07c160', '#10aeff', '#fa9d3b', '#6467f0', '#1485ee'];

function colorFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? '#c8161d';
}

/** A name's first character on a colour that stays the same for the same person. */
export function Avatar({ name, seed, size = 'medium' }: { name: string; seed: string; size?: 'medium' | 'large' }) {
  return (
    <View className={`avatar avatar--${size}`} style={{ background: colorFor(seed) }}>
      <Text className="avatar__text">{name.slice(0, 1)}</Text>
    </View>
  );
}
