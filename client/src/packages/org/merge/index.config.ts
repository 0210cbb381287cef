export default definePageConfig({
  navigationBarTitleText: '合并支部',
  onReachBottomDistance: 120,
  // The H5 build shows WeChat's bar too, for its back button: these pages are always opened from another.
  navigationStyle: 'default',
});
