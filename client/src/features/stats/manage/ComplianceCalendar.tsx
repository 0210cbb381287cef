import { Text, View } from '@tarojs/components';
import type { ComplianceItem } from '@zhibu/types';
import { Badge } from '@/features/activity';
import './manage.css';
import { shortDate } from '../format';

type Tone = 'success' | 'info' | 'warning' | 'danger' | 'muted';

/** 已完成 / 进行中·剩 N 天 / 已逾期, and 已开展·缺记录 beside it when minutes are missing. */
export function itemBadges(item: ComplianceItem): { tone: Tone; text: string }[] {
  const badges: { tone: Tone; text: string }[] = [];
  if (item.status === 'done') badges.push({ tone: 'success', text: '已完成' });
  else if (item.status === 'overdue') badges.push({ tone: 'danger', text: '已逾期' });
  else
    badges.push({
      tone: item.daysLeft !== null && item.daysLeft <= 7 ? 'warning' : 'info',
      text: `进行中·剩 ${item.daysLeft ?? 0} 天`,
    });
  if (item.missingMinutes > 0) badges.push({ tone: 'warning', text: `已开展·缺记录 ${item.missingMinutes} 次` });
  return badges;
}

/** 2026年第一季度 → 第一季度, 2026年3月 → 3月: the year is the calendar's own. */
const withoutYear = (name: string) => name.replace(/^\d{4}年/, '') || '全年';

/** The compliance calendar of a year: each item of the rules table with its periods so far. */
export function ComplianceCalendar({ items }: { items: readonly ComplianceItem[] }) {
  const groups = new Map<string, ComplianceItem[]>();
  for (const item of items) groups.set(item.item, [...(groups.get(item.item) ?? []), item]);
  if (groups.size === 0) return <Text className="st-section-title">本年度还没有需要开展的事项</Text>;
  return (
    <View aria-label="合规日历">
      {[...groups.values()].map((slots) => (
        <View key={slots[0]!.item} className="st-item">
          <View className="st-item__head">
            <Text className="st-item__name">{slots[0]!.itemName}</Text>
            <Text className="st-item__rule">{slots[0]!.rule}</Text>
          </View>
          {slots.map((slot) => (
            <View key={slot.period} className="st-slot" aria-label={`${slot.itemName} ${slot.periodName}`}>
              <Text className="st-slot__period">{withoutYear(slot.periodName)}</Text>
              <View className="st-slot__states">
                {itemBadges(slot).map((b) => (
                  <Badge key={b.text} badge={b} />
                ))}
                {slot.evidence.length > 0 ? (
                  <Text className="st-slot__evidence">{slot.evidence.map(shortDate).join('、')}</Text>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
