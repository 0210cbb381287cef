export default definePageConfig({
  navigationBarTitleText: '述职评议',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
