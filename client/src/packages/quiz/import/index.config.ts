export default definePageConfig({ navigationBarTitleText: '题库导入导出' });
