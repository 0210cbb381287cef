export default definePageConfig({
  navigationBarTitleText: '名册导入导出',
  // The H5 build shows WeChat's bar too, for its back button: these pages are always opened from another.
  navigationStyle: 'default',
});
