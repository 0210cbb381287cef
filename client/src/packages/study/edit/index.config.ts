export default definePageConfig({
  navigationBarTitleText: '布置学习任务',
});
