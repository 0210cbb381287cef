import { Text, View } from '@tarojs/components';
import type { BranchSummary } from '@zhibu/types';
import type { ReactNode } from 'react';
import { BRANCH_KIND_LABELS } from './labels';
import './Branch.css';

/** A branch at a glance: name, kind, schools, and how many of its members have bound WeChat. */
export function BranchHeader({ branch, children }: { branch: BranchSummary; children?: ReactNode }) {
  const ratio = branch.memberCount > 0 ? Math.round((branch.boundCount / branch.memberCount) * 100) : 0;
  return (
    <View className="branch-header">
      <View className="branch-header__title">
        <Text className="branch-header__name">{branch.name}</Text>
        <Text className="branch-kind">{BRANCH_KIND_LABELS[branch.kind]}</Text>
      </View>
      <Text className="branch-header__schools">{branch.schools.join('、')}</Text>
      <View className="branch-header__stats">
        <View className="branch-stat">
          <Text className="branch-stat__value">{branch.memberCount}</Text>
          <Text className="branch-stat__label">在册党员</Text>
        </View>
        <View className="branch-stat">
          <Text className="branch-stat__value">{branch.boundCount}</Text>
          <Text className="branch-stat__label">已绑定微信</Text>
        </View>
        <View className="branch-stat">
          <Text className="branch-stat__value">{branch.partyGroups.length}</Text>
          <Text className="branch-stat__label">党小组</Text>
        </View>
      </View>
      <View className="branch-header__progress" aria-label={`绑定率 ${ratio}%`}>
        <View className="branch-header__progress-bar" style={{ width: `${ratio}%` }} />
      </View>
      {children}
    </View>
  );
}
