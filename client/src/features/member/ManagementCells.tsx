import Taro from '@tarojs/taro';
import type { LoginResult } from '@zhibu/types';
import { Cell, CellGroup } from '@/ui';
import { developmentPages } from '@/features/development';
import { duesPages } from '@/features/dues';
import { reviewPages } from '@/features/review';
import { statsPages } from '@/features/stats';
import { trainingPages } from '@/features/training';
import { transferPages } from '@/features/transfer';
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
        <Cell label="书记任期与培训" value="本届培训次数" onClick={open(trainingPages.terms())} />
        <Cell label="我的培训" value="本届任期培训次数" onClick={open(trainingPages.mine())} />
        <Cell label="党费管理" value="基数、缴纳、公示" onClick={open(duesPages.manage())} />
        <Cell label="组织关系转接" value="转入、转出、待接收" onClick={open(transferPages.list())} />
        <Cell label="民主评议党员" value="开启、进度、评定、公示" onClick={open(reviewPages.manage())} />
      </CellGroup>
      {admin ? (
        <CellGroup title="局党委管理">
          <Cell label="支部管理" value="全部支部" onClick={open(orgPages.branches())} />
          <Cell label="统计看板" value="各支部指标、导出通报" onClick={open(statsPages.dashboard())} />
          <Cell label="支部考评" value="半年、年度得分" onClick={open(statsPages.inspection())} />
          <Cell label="合规规则" value="各类活动的频次" onClick={open(statsPages.rules())} />
          <Cell label="全局发展情况" value="各阶段人数、逾期" onClick={open(developmentPages.pipeline())} />
          <Cell label="培训登记" value="培训、书记任期与次数" onClick={open(trainingPages.list())} />
          <Cell label="党费收缴汇总" value="各支部按月、上缴表" onClick={open(duesPages.bureau())} />
          <Cell label="评议不合格党员" value="各支部民主评议" onClick={open(reviewPages.failing())} />
          <Cell label="民主评议设置" value="权重、优秀比例" onClick={open(reviewPages.settings())} />
          <Cell label="操作记录" value="谁在何时改了什么" onClick={open(orgPages.audit())} />
        </CellGroup>
      ) : null}
    </>
  );
}
