export default definePageConfig({
  navigationBarTitleText: '统计看板',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The H5 build shows WeChat's bar too: a title and a back button, as on every page opened from another.
  navigationStyle: 'default',
});
