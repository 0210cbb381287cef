export default definePageConfig({
  navigationBarTitleText: '学习进度',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
