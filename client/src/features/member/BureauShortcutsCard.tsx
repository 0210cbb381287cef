import Taro from '@tarojs/taro';
import { HomeCard, HomeRow } from '@/ui';
import { developmentPages } from '@/features/development';
import { statsPages } from '@/features/stats';
import { orgPages } from './orgRoutes';

const open = (url: string) => () => void Taro.navigateTo({ url });

/** 首页 of a bureau admin: the bureau's own work, one tap away rather than under 我的. */
export function BureauShortcutsCard() {
  return (
    <HomeCard title="局党委工作">
      <HomeRow title="统计" meta="各支部指标、合规灯、图表、导出通报" onClick={open(statsPages.dashboard())} />
      <HomeRow title="支部管理" meta="全部支部：新建、合并、拆分、名册" onClick={open(orgPages.branches())} />
      <HomeRow title="发展党员" meta="各支部各阶段人数、逾期步骤" onClick={open(developmentPages.pipeline())} />
      <HomeRow title="操作记录" meta="谁在何时改了什么" onClick={open(orgPages.audit())} />
    </HomeCard>
  );
}
