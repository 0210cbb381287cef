export default definePageConfig({
  navigationBarTitleText: '党员详情',
  enablePullDownRefresh: true,
  // The H5 build shows WeChat's bar too, for its back button: these pages are always opened from another.
  navigationStyle: 'default',
});
