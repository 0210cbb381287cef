export default definePageConfig({
  navigationBarTitleText: '民主评议设置',
  backgroundTextStyle: 'dark',
  navigationStyle: 'default',
});
