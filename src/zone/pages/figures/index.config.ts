export default definePageConfig({ navigationBarTitleText: '区情数据' })
