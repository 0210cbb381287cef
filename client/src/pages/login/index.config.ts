export default definePageConfig({
  navigationBarTitleText: '登录支部通',
});
