import { ScrollView, Text, View } from '@tarojs/components';
import type { BranchMetrics } from '@zhibu/types';
import './manage.css';
import { COLUMNS, type SortOrder } from '../columns';
import { LightTag } from '../LightTag';

interface DashboardTableProps {
  /** Already in the chosen order. */
  rows: readonly BranchMetrics[];
  order: SortOrder;
  onSort: (key: string) => void;
  onOpen: (branchId: string) => void;
}

const ARROWS = { desc: '↓', asc: '↑' } as const;

/**
 * All branches side by side: branch names fixed at the left, the figures scrolling sideways on a
 * phone. Tapping a header sorts by it; tapping a name opens the branch.
 */
export function DashboardTable({ rows, order, onSort, onOpen }: DashboardTableProps) {
  return (
    <View className="st-table" role="table" aria-label="各支部指标">
      <View className="st-table__fixed">
        <View className="st-table__corner">
          <Text>支部</Text>
        </View>
        {rows.map((m) => (
          <View
            key={m.branchId}
            className="st-table__name"
            hoverClass="st-table__name--hover"
            role="rowheader"
            onClick={() => onOpen(m.branchId)}
          >
            <Text className="st-table__name-text">{m.branchName}</Text>
          </View>
        ))}
      </View>
      <ScrollView className="st-table__scroll" scrollX>
        <View className="st-table__grid">
          <View className="st-table__line" role="row">
            {COLUMNS.map((c) => {
              const sorted = order.key === c.key;
              return (
                <View
                  key={c.key}
                  role="columnheader"
                  aria-sort={sorted ? (order.direction === 'desc' ? 'descending' : 'ascending') : 'none'}
                  className={`st-table__th${sorted ? ' st-table__th--sorted' : ''}`}
                  onClick={() => onSort(c.key)}
                >
                  <Text>
                    {c.label}
                    {sorted ? ARROWS[order.direction] : ''}
                  </Text>
                </View>
              );
            })}
          </View>
          {rows.map((m) => (
            <View key={m.branchId} className="st-table__line" role="row">
              {COLUMNS.map((c) => (
                <View key={c.key} className="st-table__cell" role="cell" data-column={c.key}>
                  {c.key === 'light' ? (
                    <LightTag light={m.light} />
                  ) : (
                    <Text className="st-table__value">{c.text(m)}</Text>
                  )}
                  {c.sub ? <Text className="st-table__sub">{c.sub(m)}</Text> : null}
                </View>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
