export default definePageConfig({
  navigationBarTitleText: '评议不合格党员',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
