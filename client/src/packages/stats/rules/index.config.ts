export default definePageConfig({
  navigationBarTitleText: '合规规则',
  enablePullDownRefresh: false,
  backgroundTextStyle: 'dark',
  // The H5 build shows WeChat's bar too: a title and a back button, as on every page opened from another.
  navigationStyle: 'default',
});
