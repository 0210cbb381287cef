export default definePageConfig({
  navigationBarTitleText: '发展时间线',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
