export default definePageConfig({
  navigationBarTitleText: '发布通知',
});
