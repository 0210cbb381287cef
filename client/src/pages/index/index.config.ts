export default definePageConfig({
  navigationBarTitleText: '支部通',
  // The red bar runs into the member band below it; pulling down reveals the same red.
  navigationBarBackgroundColor: '#c8161d',
  navigationBarTextStyle: 'white',
  backgroundColor: '#c8161d',
  backgroundColorTop: '#c8161d',
  backgroundColorBottom: '#ededed',
  backgroundTextStyle: 'light',
  enablePullDownRefresh: true,
});
