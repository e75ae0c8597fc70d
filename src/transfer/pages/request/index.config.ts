export default definePageConfig({ navigationBarTitleText: '发起对接' })
