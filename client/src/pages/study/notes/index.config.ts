export default definePageConfig({
  navigationBarTitleText: '我的学习笔记',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
