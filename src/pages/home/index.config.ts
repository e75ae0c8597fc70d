export default definePageConfig({ navigationBarTitleText: '高新区科技馆' })
