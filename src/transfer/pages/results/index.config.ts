export default definePageConfig({ navigationBarTitleText: '成果清单' })
