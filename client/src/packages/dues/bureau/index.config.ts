export default definePageConfig({
  navigationBarTitleText: '党费收缴汇总',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
