export default definePageConfig({ navigationBarTitleText: '展品介绍' })
