export default definePageConfig({
  navigationBarTitleText: '心得点评',
});
