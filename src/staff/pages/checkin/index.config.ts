export default definePageConfig({ navigationBarTitleText: '入馆核验' })
