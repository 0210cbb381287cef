export default definePageConfig({
  navigationBarTitleText: '活动签到',
  navigationBarBackgroundColor: '#ffffff',
  backgroundColor: '#ffffff',
  // The H5 build shows WeChat's bar too: a title and a back button, as on every page opened from another.
  navigationStyle: 'default',
});
