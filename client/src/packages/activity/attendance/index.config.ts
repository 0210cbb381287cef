export default definePageConfig({
  navigationBarTitleText: '出勤情况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
