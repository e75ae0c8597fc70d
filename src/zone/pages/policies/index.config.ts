export default definePageConfig({ navigationBarTitleText: '政策查询' })
