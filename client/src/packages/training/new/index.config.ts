export default definePageConfig({
  navigationBarTitleText: '登记培训',
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
