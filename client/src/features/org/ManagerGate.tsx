import type { LoginResult } from '@zhibu/types';
import type { ReactNode } from 'react';
import emptyBind from '@/assets/empty/bind.png';
import { canManage, isBureauAdmin, SessionGate } from '@/features/member';
import { EmptyState } from '@/ui';

interface ManagerGateProps {
  /** Bureau admins only (branches, audit log); otherwise the branch committee too. */
  adminOnly?: boolean;
  children: (member: LoginResult) => ReactNode;
}

/**
 * The management pages, for those who may use them. The server decides every action anyway; this
 * keeps a member who followed an old link from a page of refusals.
 */
export function ManagerGate({ adminOnly = false, children }: ManagerGateProps) {
  return (
    <SessionGate>
      {(member) =>
        (adminOnly ? isBureauAdmin(member.roles) : canManage(member.roles)) ? (
          children(member)
        ) : (
          <EmptyState
            image={emptyBind}
            title="没有权限"
            description={adminOnly ? '此页面仅供局党委管理员使用。' : '此页面仅供支部书记、支委和局党委管理员使用。'}
          />
        )
      }
    </SessionGate>
  );
}
