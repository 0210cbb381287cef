export default definePageConfig({
  navigationBarTitleText: '理论测试',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
