// What the main package uses (首页's card, 我的记录, the addresses). The bureau's and the committee's
// screens and the charts are in ./manage, imported only by the stats subpackage.
export { statsApi } from './api';
export { HomeTodoCard, monthSummary } from './HomeTodoCard';
export { MyStatsView } from './MyStatsView';
export { openStatsPage, statsPages } from './routes';
