export default definePageConfig({
  navigationBarTitleText: '党员党费',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
