export default definePageConfig({
  navigationBarTitleText: '签到二维码',
  navigationBarBackgroundColor: '#c8161d',
  navigationBarTextStyle: 'white',
  backgroundColor: '#c8161d',
  backgroundColorTop: '#c8161d',
  backgroundColorBottom: '#ededed',
});
