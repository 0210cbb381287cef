export default definePageConfig({
  navigationBarTitleText: '述职评议管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
