export default definePageConfig({
  navigationBarTitleText: '签到二维码',
  navigationBarBackgroundColor: '#c8161d',
  navigationBarTextStyle: 'white',
  backgroundColor: '#c8161d',
  backgroundColorTop: '#c8161d',
  backgroundColorBottom: '#ededed',
  // The H5 build shows WeChat's bar too: a title and a back button, as on every page opened from another.
  navigationStyle: 'default',
});
