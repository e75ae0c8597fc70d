export default definePageConfig({ navigationBarTitleText: '我的对接' })
