import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { LoginResult, MemberListItem } from '@zhibu/types';
import { useCallback, useMemo, useState } from 'react';
import emptySearch from '@/assets/empty/search.png';
import { orgPages } from '@/features/member';
import { usePagedList } from '@/hooks/usePagedList';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import { findBranch, orgApi } from './api';
import { BranchHeader } from './BranchHeader';
import { useReloadAfterOrgChanges } from './changes';
import { FilterChip, ToggleChip } from './FilterChip';
import { MEMBER_STATUS_OPTIONS } from './labels';
import { MemberRow } from './MemberRow';
import { SearchBar } from './SearchBar';
import './OrgList.css';
import { usePullToReload } from '@/hooks/usePullToReload';

interface RosterViewProps {
  viewer: LoginResult;
  /** Another branch's roster (bureau admins); the viewer's own by default. */
  branchId?: string;
  /** `invite`: the roster as a to-do list of members still to bind WeChat. */
  mode?: 'invite';
}

export interface RosterFilters {
  keyword: string;
  statusIndex: number;
  groupIndex: number;
  includeInactive: boolean;
}

const NO_FILTERS: RosterFilters = { keyword: '', statusIndex: 0, groupIndex: 0, includeInactive: false };

const open = (url: string) => void Taro.navigateTo({ url });

/**
 * 支部党员名册: every member of a branch, a page at a time, searchable by name and filtered by
 * status and party group, with who has bound WeChat. The entry to each member's page.
 */
export function RosterView({ viewer, branchId = viewer.branchId, mode }: RosterViewProps) {
  const inviting = mode === 'invite';
  const loadBranch = useCallback(() => findBranch(branchId), [branchId]);
  const branch = useRemoteData(loadBranch);
  const groups = useMemo(() => (branch.state.status === 'ready' ? branch.state.data.partyGroups : []), [branch.state]);

  const [filters, setFilters] = useState<RosterFilters>(NO_FILTERS);
  const change = (patch: Partial<RosterFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const query = useMemo(
    () => ({
      branchId,
      keyword: filters.keyword || undefined,
      status: filters.statusIndex > 0 ? MEMBER_STATUS_OPTIONS[filters.statusIndex - 1] : undefined,
      partyGroupId: filters.groupIndex > 0 ? groups[filters.groupIndex - 1]?.id : undefined,
      includeInactive: filters.includeInactive || undefined,
      // Inviting is for those who have not bound a WeChat user yet.
      bound: inviting ? false : undefined,
    }),
    [branchId, filters, groups, inviting],
  );
  const list = usePagedList<MemberListItem>((page, pageSize) => orgApi.listMembers({ ...query, page, pageSize }), {
    key: JSON.stringify(query),
    idOf: (member) => member.memberId,
  });
  const filtered = query.keyword !== undefined || filters.statusIndex > 0 || filters.groupIndex > 0;

  const refreshAll = () => Promise.all([list.reload(), branch.reload()]);
  usePullToReload(refreshAll);
  useReachBottom(() => void list.loadMore());
  useReloadAfterOrgChanges(refreshAll);

  const openMember = (member: MemberListItem) =>
    open(
      inviting && member.active && member.bound === false
        ? orgPages.invite(member.memberId)
        : orgPages.member(member.memberId),
    );

  return (
    <View className="roster">
      {branch.state.status === 'ready' ? (
        <BranchHeader branch={branch.state.data}>
          {inviting ? (
            <Text className="branch-header__note">
              未绑定的党员请点「邀请」生成邀请码，由本人用微信扫描二维码或输入邀请码完成绑定。
            </Text>
          ) : (
            <View className="branch-header__actions">
              <Button onClick={() => open(orgPages.memberEdit({ branchId }))}>添加党员</Button>
              <Button kind="secondary" onClick={() => open(orgPages.rosterIo({ branchId }))}>
                导入导出
              </Button>
            </View>
          )}
        </BranchHeader>
      ) : null}
      <SearchBar placeholder="搜索姓名" onSearch={(keyword) => change({ keyword })} />
      <View className="org-filters">
        <FilterChip
          label="党员身份"
          options={['全部身份', ...MEMBER_STATUS_OPTIONS]}
          value={filters.statusIndex}
          onChange={(statusIndex) => change({ statusIndex })}
        />
        {groups.length > 0 ? (
          <FilterChip
            label="党小组"
            options={['全部党小组', ...groups.map((g) => g.name)]}
            value={filters.groupIndex}
            onChange={(groupIndex) => change({ groupIndex })}
          />
        ) : null}
        {inviting ? null : (
          <ToggleChip
            label="含已调出"
            on={filters.includeInactive}
            onChange={(includeInactive) => change({ includeInactive })}
          />
        )}
      </View>
      {list.status === 'loading' ? <LoadingState text="正在读取名册" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          image={emptySearch}
          title={filtered ? '没有找到符合条件的党员' : '名册中还没有党员'}
          description={filtered ? '换个姓名或筛选条件试试。' : '可以逐个添加，也可以用 Excel 模板批量导入。'}
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className="org-list">
          {list.items.map((member) => (
            <MemberRow
              key={member.memberId}
              member={member}
              onClick={() => openMember(member)}
              trailing={
                inviting && member.active && member.bound === false ? (
                  <Text className="org-invite-prompt">邀请</Text>
                ) : undefined
              }
            />
          ))}
        </View>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </View>
  );
}
