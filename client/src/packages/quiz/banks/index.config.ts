export default definePageConfig({
  navigationBarTitleText: '题库与测试',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
