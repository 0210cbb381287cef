import { Picker, Text, View } from '@tarojs/components';
import type { BranchSummary } from '@zhibu/types';
import { useEffect, useState } from 'react';
import { callFunction } from '@/services';
import './ActivityToolbar.css';

const PAGE = 50;
/** A county has a few hundred branches at most. */
const MAX_PAGES = 20;

async function activeBranches(): Promise<BranchSummary[]> {
  const all: BranchSummary[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await callFunction('org', 'branches', { page, pageSize: PAGE });
    if (!result.ok) break;
    all.push(...result.data.items);
    if (page * PAGE >= result.data.total) break;
  }
  return all;
}

/** The bureau's 活动 tab: every branch, or the one chosen here. */
export function BranchFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (branchId: string | null) => void;
}) {
  const [branches, setBranches] = useState<BranchSummary[]>([]);
  useEffect(() => {
    void activeBranches().then(setBranches);
  }, []);
  const names = ['全部支部', ...branches.map((b) => b.name)];
  const index = value ? branches.findIndex((b) => b.branchId === value) + 1 : 0;
  return (
    <Picker
      mode="selector"
      range={names}
      value={index}
      onChange={(event) => {
        const chosen = Number(event.detail.value);
        onChange(chosen > 0 ? (branches[chosen - 1]?.branchId ?? null) : null);
      }}
    >
      <View className="act-branch-filter" aria-label="筛选支部">
        <Text className="act-branch-filter__label">支部</Text>
        <Text className="act-branch-filter__value">{names[index] ?? '全部支部'}</Text>
        <View className="act-branch-filter__caret" />
      </View>
    </Picker>
  );
}
