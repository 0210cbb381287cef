export default definePageConfig({
  navigationBarTitleText: '学习任务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
