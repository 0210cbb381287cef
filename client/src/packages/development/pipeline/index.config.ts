export default definePageConfig({
  navigationBarTitleText: '全局发展情况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
