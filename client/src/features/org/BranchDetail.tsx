import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LoginResult } from '@zhibu/types';
import { useCallback } from 'react';
import { isBureauAdmin, orgPages } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup, ErrorState, LoadingState } from '@/ui';
import { findBranch, knownBranch } from './api';
import { BranchHeader } from './BranchHeader';
import { useReloadAfterOrgChanges } from './changes';
import './Branch.css';
import './Member.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const open = (url: string) => () => void Taro.navigateTo({ url });

/** One branch for the bureau: its figures, its roster, and the changes only the bureau makes. */
export function BranchDetail({ viewer, branchId }: { viewer: LoginResult; branchId: string }) {
  const load = useCallback(() => findBranch(branchId), [branchId]);
  const { state, reload } = useRemoteData(load);
  useReloadAfterOrgChanges(reload);
  usePullToReload(reload);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const branch = state.data;
  const admin = isBureauAdmin(viewer.roles);
  const mergedInto = branch.mergedInto ? knownBranch(branch.mergedInto)?.name : undefined;

  return (
    <View>
      <BranchHeader branch={branch}>
        <Text className="branch-header__note">
          书记：{branch.secretaryNames.length > 0 ? branch.secretaryNames.join('、') : '暂缺'}
        </Text>
      </BranchHeader>
      {branch.active ? (
        <>
          <CellGroup title="支部工作">
            <Cell label="党员名册" value={`${branch.memberCount} 人`} onClick={open(orgPages.roster({ branchId }))} />
            <Cell
              label="邀请绑定"
              value={
                branch.memberCount > branch.boundCount
                  ? `${branch.memberCount - branch.boundCount} 人未绑定`
                  : '已全部绑定'
              }
              onClick={open(orgPages.roster({ branchId, mode: 'invite' }))}
            />
            <Cell label="名册导入导出" onClick={open(orgPages.rosterIo({ branchId }))} />
            <Cell
              label="党小组"
              value={branch.partyGroups.length > 0 ? `${branch.partyGroups.length} 个` : '未设置'}
              onClick={open(orgPages.partyGroups(branchId))}
            />
          </CellGroup>
          {admin ? (
            <CellGroup title="支部调整（局党委管理员）">
              <Cell label="重命名支部" onClick={open(orgPages.branchEdit({ branchId }))} />
              <Cell label="拆分支部" value="选出党员成立新支部" onClick={open(orgPages.split(branchId))} />
              <Cell label="合并支部" value="把其他支部并入本支部" onClick={open(orgPages.merge(branchId))} />
            </CellGroup>
          ) : null}
        </>
      ) : (
        <Text className="member-detail__notice">
          {mergedInto ? `该支部已并入 ${mergedInto}。` : '该支部已合并或撤销。'}原有党员及其记录已随之转入。
        </Text>
      )}
      {admin ? (
        <CellGroup title="记录">
          <Cell label="操作记录" onClick={open(orgPages.audit({ branchId, title: branch.name }))} />
        </CellGroup>
      ) : null}
    </View>
  );
}
