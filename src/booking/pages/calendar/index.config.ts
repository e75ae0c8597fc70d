export default definePageConfig({ navigationBarTitleText: '预约参观', enablePullDownRefresh: true })
