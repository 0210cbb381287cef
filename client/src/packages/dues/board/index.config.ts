export default definePageConfig({
  navigationBarTitleText: '党费公示',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
