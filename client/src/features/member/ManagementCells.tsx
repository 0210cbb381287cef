import Taro from '@tarojs/taro';
import type { LoginResult } from '@zhibu/types';
import { Cell, CellGroup } from '@/ui';
import { developmentPages } from '@/features/development';
import { reviewPages } from '@/features/review';
import { statsPages } from '@/features/stats';
import { orgPages } from './orgRoutes';
import { canManage, isBureauAdmin } from './roles';

const open = (url: string) => () => void Taro.navigateTo({ url });

/**
 * The ways into managing a branch, for its committee and for bureau admins only. A plain member
 * sees none of them (the server would refuse them anyway).
 */
export function ManagementCells({ member }: { member: LoginResult }) {
  if (!canManage(member.roles)) return null;
  const admin = isBureauAdmin(member.roles);
  return (
    <>
      <CellGroup title="本支部管理">
        <Cell label="支部党员名册" value="查看、添加、调出" onClick={open(orgPages.roster())} />
        <Cell label="邀请码 / 绑定" value="邀请党员绑定微信" onClick={open(orgPages.roster({ mode: 'invite' }))} />
        <Cell label="名册导入导出" value="Excel" onClick={open(orgPages.rosterIo())} />
        <Cell label="党小组设置" onClick={open(orgPages.partyGroups(member.branchId))} />
        <Cell label="理论测试" value="题库、发布测试、统计" onClick={open('/packages/quiz/banks/index')} />
        <Cell label="支部统计" value="合规日历、缺席情况" onClick={open(statsPages.branch())} />
        <Cell label="发展党员" value="按阶段、时间线" onClick={open(developmentPages.list())} />
        <Cell label="民主评议党员" value="开启、进度、评定、公示" onClick={open(reviewPages.manage())} />
      </CellGroup>
      {admin ? (
        <CellGroup title="局党委管理">
          <Cell label="支部管理" value="全部支部" onClick={open(orgPages.branches())} />
          <Cell label="统计看板" value="各支部指标、导出通报" onClick={open(statsPages.dashboard())} />
          <Cell label="支部考评" value="半年、年度得分" onClick={open(statsPages.inspection())} />
          <Cell label="合规规则" value="各类活动的频次" onClick={open(statsPages.rules())} />
          <Cell label="全局发展情况" value="各阶段人数、逾期" onClick={open(developmentPages.pipeline())} />
          <Cell label="评议不合格党员" value="各支部民主评议" onClick={open(reviewPages.failing())} />
          <Cell label="民主评议设置" value="权重、优秀比例" onClick={open(reviewPages.settings())} />
          <Cell label="操作记录" value="谁在何时改了什么" onClick={open(orgPages.audit())} />
        </CellGroup>
      ) : null}
    </>
  );
}
