export default definePageConfig({ navigationBarTitleText: '全部展品' })
