export default definePageConfig({
  navigationBarTitleText: '培训登记',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
