export default definePageConfig({
  navigationBarTitleText: '通知发布权限',
  // The H5 build shows WeChat's bar too: a title and a back button, as on every page opened from another.
  navigationStyle: 'default',
});
