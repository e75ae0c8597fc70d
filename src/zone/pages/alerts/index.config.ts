export default definePageConfig({ navigationBarTitleText: '政策提醒' })
