export default definePageConfig({ navigationBarTitleText: '参加测试' });
