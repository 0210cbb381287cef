export default definePageConfig({
  navigationBarTitleText: '民主评议党员',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
