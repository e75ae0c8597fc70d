export default definePageConfig({ navigationBarTitleText: '数据来源与说明' })
