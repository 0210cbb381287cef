import {
  ManagementCells,
  MyBranchCells,
  MyRecordCells,
  ProfileCard,
  SessionGate,
  signOut,
  switchDemoUser,
  useMyRecord,
  useSession,
} from '@/features/member';
import { openHistory } from '@/features/activity';
import { developmentPages, IN_PIPELINE, openDevelopmentPage } from '@/features/development';
import { duesPages, openDuesPage } from '@/features/dues';
import { openReviewPage, reviewPages } from '@/features/review';
import { openStatsPage, statsPages } from '@/features/stats';
import { appraisalPages, openAppraisalPage } from '@/features/appraisal';
import { Cell, CellGroup } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

export default function MinePage() {
  const { refresh } = useSession();
  const record = useMyRecord();

  usePullToReload(() => Promise.all([refresh(), record.reload()]));

  return (
    <SessionGate>
      {(member) => (
        <>
          <ProfileCard member={member} />
          <MyRecordCells state={record.state} onRetry={() => void record.reload()} />
          <CellGroup title="我的记录">
            <Cell label="出勤、学习、测试、阅读" value="按月查看" onClick={() => openStatsPage(statsPages.mine())} />
            <Cell label="我的出勤记录" value="参加过的活动" onClick={openHistory} />
            <Cell label="我的党费" value="已缴、待缴、欠缴" onClick={() => openDuesPage(duesPages.mine())} />
            <Cell label="党费公示" value="本支部按季度公示" onClick={() => openDuesPage(duesPages.board())} />
            <Cell label="民主评议党员" value="自评、互评、结果" onClick={() => openReviewPage(reviewPages.home())} />
            {record.state.status === 'ready' && IN_PIPELINE.has(record.state.data.status) ? (
              <Cell
                label="我的入党进程"
                value={record.state.data.status}
                onClick={() => openDevelopmentPage(developmentPages.timeline())}
              />
            ) : null}
          </CellGroup>
          <MyBranchCells member={member} record={record.state} />
          <CellGroup title="述职评议">
            <Cell label="书记述职评议" value="述职与评价" onClick={() => openAppraisalPage(appraisalPages.mine())} />
            {member.roles.includes('admin') ? (
              <Cell label="述职评议管理" value="局党委" onClick={() => openAppraisalPage(appraisalPages.bureau())} />
            ) : null}
          </CellGroup>
          <ManagementCells member={member} />
          {process.env.TARO_ENV === 'h5' ? (
            <>
              <CellGroup title="演示环境">
                <Cell label="切换演示用户" onClick={switchDemoUser} />
              </CellGroup>
              <CellGroup>
                <Cell label="退出登录" action="danger" onClick={signOut} />
              </CellGroup>
            </>
          ) : null}
        </>
      )}
    </SessionGate>
  );
}
