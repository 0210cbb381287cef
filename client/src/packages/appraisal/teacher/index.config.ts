export default definePageConfig({
  navigationBarTitleText: '教师评价书记述职',
  navigationStyle: 'default',
});
