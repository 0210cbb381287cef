export default definePageConfig({
  navigationBarTitleText: '党费管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
