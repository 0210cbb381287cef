export default definePageConfig({
  navigationBarTitleText: '书记任期与培训',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
