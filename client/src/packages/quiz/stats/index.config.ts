export default definePageConfig({
  navigationBarTitleText: '测试统计',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
