export default definePageConfig({
  navigationBarTitleText: '题目',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
