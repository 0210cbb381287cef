export default definePageConfig({
  navigationBarTitleText: '任务与进度',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
