export default definePageConfig({
  navigationBarTitleText: '学习笔记',
});
