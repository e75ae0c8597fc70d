export default definePageConfig({ navigationBarTitleText: '转化平台' })
