export default definePageConfig({
  navigationBarTitleText: '发布通知',
  // The H5 build shows WeChat's bar too: a title and a back button, as on every page opened from another.
  navigationStyle: 'default',
});
