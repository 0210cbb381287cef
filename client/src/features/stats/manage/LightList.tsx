import { Text, View } from '@tarojs/components';
import type { BranchMetrics } from '@zhibu/types';
import './manage.css';
import { LIGHT_RANK } from '../format';
import { LightTag } from '../LightTag';

/** Every branch's light on one screen, worst first, each saying why; tap to open the branch. */
export function LightList({ branches, onOpen }: { branches: readonly BranchMetrics[]; onOpen: (id: string) => void }) {
  const rows = [...branches].sort((a, b) => LIGHT_RANK[b.light] - LIGHT_RANK[a.light]);
  return (
    <View className="st-lights" aria-label="各支部合规灯">
      {rows.map((m) => (
        <View
          key={m.branchId}
          className="st-lights__row"
          hoverClass="st-lights__row--hover"
          onClick={() => onOpen(m.branchId)}
        >
          <LightTag light={m.light} bare />
          <View className="st-lights__main">
            <Text className="st-lights__name">{m.branchName}</Text>
            <Text className="st-lights__reason">
              {m.reasons[0] ?? ''}
              {m.reasons.length > 1 ? `（另有 ${m.reasons.length - 1} 项）` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
