export default definePageConfig({ navigationBarTitleText: '语音讲解' })
