import { Text, View } from '@tarojs/components';
import type { MemberListItem } from '@zhibu/types';
import type { ReactNode } from 'react';
import { Avatar, roleLabels } from '@/features/member';
import './OrgList.css';

/** What a roster row says under the name; fields the caller may not see are null and left out. */
export function memberSummary(member: MemberListItem): string {
  return [member.status, member.partyGroupName, member.position].filter(Boolean).join(' · ');
}

/** 已绑定 / 未绑定 / 已调出 as a small badge; nothing when the caller may not know. */
export function BindingBadge({ member }: { member: MemberListItem }) {
  if (!member.active) return <Text className="org-badge org-badge--muted">已调出</Text>;
  if (member.bound === null) return null;
  return member.bound ? (
    <Text className="org-badge org-badge--ok">已绑定</Text>
  ) : (
    <Text className="org-badge org-badge--warn">未绑定</Text>
  );
}

/**
 * The offices worth a tag in a roster: 党员 goes without saying, and a secretary's seat on the
 * committee is part of being secretary.
 */
export function officeLabels(member: Pick<MemberListItem, 'roles'>): string[] {
  const labels = roleLabels(member.roles ?? []).filter((label) => label !== '党员');
  return labels.includes('支部书记') ? labels.filter((label) => label !== '支委') : labels;
}

interface MemberRowProps {
  member: MemberListItem;
  onClick?: () => void;
  /** Replaces the binding badge on the right (e.g. a checkbox, or an invite prompt). */
  trailing?: ReactNode;
}

export function MemberRow({ member, onClick, trailing }: MemberRowProps) {
  const offices = officeLabels(member);
  const summary = memberSummary(member);
  return (
    <View
      className={`org-row${member.active ? '' : ' org-row--inactive'}`}
      hoverClass={onClick ? 'org-row--hover' : 'none'}
      aria-label={member.name}
      onClick={onClick}
    >
      <Avatar name={member.name} seed={member.memberId} />
      <View className="org-row__main">
        <View className="org-row__title">
          <Text className="org-row__name">{member.name}</Text>
          {offices.map((label) => (
            <Text key={label} className="org-row__office">
              {label}
            </Text>
          ))}
        </View>
        {summary ? <Text className="org-row__summary">{summary}</Text> : null}
      </View>
      <View className="org-row__trailing">{trailing ?? <BindingBadge member={member} />}</View>
      {onClick ? <View className="org-row__arrow" /> : null}
    </View>
  );
}

/** A round check mark, drawn only: the row it sits in is the checkbox (role and state). */
export function CheckMark({ checked }: { checked: boolean }) {
  return (
    <View className={`org-check${checked ? ' org-check--on' : ''}`}>
      {checked ? <View className="org-check__tick" /> : null}
    </View>
  );
}
