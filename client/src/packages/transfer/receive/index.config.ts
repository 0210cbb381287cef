export default definePageConfig({
  navigationBarTitleText: '从局外转入',
  navigationStyle: 'default',
});
