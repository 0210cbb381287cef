import { Text, View } from '@tarojs/components';
import type { Light } from '@zhibu/types';
import { LIGHT_NAMES } from './format';
import './stats.css';

/** The compliance light as a coloured dot, with 红 / 黄 / 绿 beside it unless `bare`. */
export function LightTag({ light, bare = false }: { light: Light; bare?: boolean }) {
  return (
    <View className="st-light" aria-label={`合规${LIGHT_NAMES[light]}灯`}>
      <View className={`st-dot st-dot--${light}`} />
      {bare ? null : <Text>{LIGHT_NAMES[light]}</Text>}
    </View>
  );
}
