export default definePageConfig({
  navigationBarTitleText: '办理调出',
  // The H5 build shows WeChat's bar too, for its back button: these pages are always opened from another.
  navigationStyle: 'default',
});
