export default definePageConfig({
  navigationBarTitleText: '活动签到',
  navigationBarBackgroundColor: '#ffffff',
  backgroundColor: '#ffffff',
});
