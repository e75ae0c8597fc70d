export default definePageConfig({ navigationBarTitleText: '参观足迹' })
