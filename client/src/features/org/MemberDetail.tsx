import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LoginResult, MemberListItem, Role } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { Avatar, formatDate, isBureauAdmin, orgPages, ROLE_LABELS } from '@/features/member';
import { transferPages } from '@/features/transfer';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup, ErrorState, LoadingState, showFailureToast } from '@/ui';
import { orgApi } from './api';
import { markOrgChanged, useReloadAfterOrgChanges } from './changes';
import { confirm, toastDone } from './confirm';
import { APPOINTED_ROLES, type AppointedRole } from './labels';
import { ExemptionSection } from './ExemptionSection';
import { BindingBadge, officeLabels } from './MemberRow';
import './Member.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const NOT_SET = '未登记';
const open = (url: string) => void Taro.navigateTo({ url });

/** The roles after appointing or removing one; a secretary sits on the committee too. */
export function toggledRoles(current: readonly Role[], role: AppointedRole): AppointedRole[] {
  const held = new Set(current.filter((r): r is AppointedRole => (APPOINTED_ROLES as readonly string[]).includes(r)));
  if (held.has(role)) held.delete(role);
  else {
    held.add(role);
    if (role === 'secretary') held.add('committee');
  }
  return APPOINTED_ROLES.filter((r) => held.has(r));
}

function Field({ label, value }: { label: string; value: string | null }) {
  return <Cell label={label} value={value ?? NOT_SET} />;
}

/** One member, as the branch committee or a bureau admin sees them, with what can be done. */
export function MemberDetail({ viewer, memberId }: { viewer: LoginResult; memberId: string }) {
  const load = useCallback(() => orgApi.getMember(memberId), [memberId]);
  const { state, reload } = useRemoteData(load);
  const [busy, setBusy] = useState(false);
  useReloadAfterOrgChanges(reload);
  usePullToReload(reload);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const member: MemberListItem = state.data;
  const admin = isBureauAdmin(viewer.roles);
  const self = member.memberId === viewer.memberId;

  const unbind = async () => {
    const sure = await confirm({
      title: '解除微信绑定',
      content: `解除后，${member.name}需要用新的邀请码重新绑定才能使用支部通。确定解除吗？`,
      confirmText: '解除',
      danger: true,
    });
    if (!sure || busy) return;
    setBusy(true);
    const result = await orgApi.unbind(member.memberId);
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone('已解除绑定');
    markOrgChanged();
    void reload();
  };

  const toggleRole = async (role: AppointedRole) => {
    const has = (member.roles ?? []).includes(role);
    const label = ROLE_LABELS[role];
    const sure = await confirm({
      title: has ? `免去${label}` : `任命${label}`,
      content: has
        ? `确定免去${member.name}的${label}职务吗？`
        : `确定任命${member.name}为${label}吗？${role === 'secretary' ? '支部书记同时是支委。' : ''}`,
      confirmText: has ? '免去' : '任命',
      danger: has,
    });
    if (!sure || busy) return;
    setBusy(true);
    const result = await orgApi.setRoles({
      memberId: member.memberId,
      roles: toggledRoles(member.roles ?? [], role),
    });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone(has ? '已免去' : '已任命');
    markOrgChanged();
    void reload();
  };

  const offices = officeLabels(member);
  return (
    <View className="member-detail">
      <View className="member-detail__head">
        <Avatar name={member.name} seed={member.memberId} size="large" />
        <View className="member-detail__head-main">
          <View className="member-detail__name-row">
            <Text className="member-detail__name">{member.name}</Text>
            <BindingBadge member={member} />
          </View>
          <Text className="member-detail__offices">{offices.length > 0 ? offices.join('、') : '党员'}</Text>
        </View>
      </View>
      {member.active ? null : (
        <Text className="member-detail__notice">该党员已调出或停用，档案保留备查，不再计入支部统计。</Text>
      )}
      <CellGroup title="党员信息">
        <Field label="党员身份" value={member.status} />
        <Field label="性别" value={member.gender} />
        <Field label="手机号" value={member.phone} />
        <Field label="入党时间" value={member.joinedPartyAt ? formatDate(member.joinedPartyAt) : null} />
        <Cell label="党小组" value={member.partyGroupName ?? '未分组'} />
        <Field label="职务" value={member.position} />
      </CellGroup>
      {member.active ? (
        <CellGroup title="微信绑定">
          {member.bound ? (
            <>
              <Cell label="绑定状态" value="已绑定微信" />
              <Cell label="解除绑定" action="danger" onClick={() => void unbind()} />
            </>
          ) : (
            <>
              <Cell label="绑定状态" value="尚未绑定" />
              <Cell label="生成邀请码" value="请本人扫码绑定" onClick={() => open(orgPages.invite(member.memberId))} />
            </>
          )}
        </CellGroup>
      ) : null}
      {member.active ? (
        <CellGroup title="档案">
          <Cell label="编辑资料" onClick={() => open(orgPages.memberEdit({ memberId: member.memberId }))} />
          {viewer.branchId === member.branchId && !self ? (
            <Cell label="出勤与学习记录" onClick={() => open(orgPages.record(member.memberId))} />
          ) : null}
          {admin ? (
            <Cell
              label="操作记录"
              onClick={() => open(orgPages.audit({ targetId: member.memberId, title: member.name }))}
            />
          ) : null}
        </CellGroup>
      ) : null}
      {admin && member.active ? (
        <CellGroup title="职务任免（局党委管理员）">
          {APPOINTED_ROLES.map((role) => {
            const has = (member.roles ?? []).includes(role);
            return (
              <Cell
                key={role}
                label={ROLE_LABELS[role]}
                value={
                  <Text className={has ? 'member-detail__role member-detail__role--on' : 'member-detail__role'}>
                    {has ? '已任命' : '未任命'}
                  </Text>
                }
                onClick={() => void toggleRole(role)}
              />
            );
          })}
        </CellGroup>
      ) : null}
      {member.active ? <ExemptionSection memberId={member.memberId} /> : null}
      {member.active && !self ? (
        <CellGroup>
          <Cell
            label="组织关系转出"
            value="局内其他支部或转出本局"
            onClick={() => open(transferPages.start(member.memberId))}
          />
          <Cell label="办理调出 / 停用" action="danger" onClick={() => open(orgPages.deactivate(member.memberId))} />
        </CellGroup>
      ) : null}
    </View>
  );
}
