import { View } from '@tarojs/components'
import { CareRoot } from '@/care/CareRoot'
import { homeEntries } from '@/features'
import { MineGuide } from '@/guide/components/MineGuide'
import { openPage } from '@/services/navigate'
import './index.scss'
import { paths } from '@/paths'

// 我的: the visitor's own things. Sections whose feature is not open yet say so.
export default function MinePage() {
  const booking = homeEntries.find((e) => e.key === 'booking')
  return (
    <CareRoot>
    <View className="page mine">
      <View className="card">
        <View className="section-title">我的预约</View>
        {booking?.path ? (
          <View className="btn" role="button" onClick={() => openPage(paths.myBookings)}>
            查看我的预约
          </View>
        ) : (
          <View className="muted">预约参观即将开放，开放后可在这里查看预约和电子票。</View>
        )}
      </View>
      <View className="card">
        <View className="section-title">展品</View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.exhibits)}>
          浏览全部展品
        </View>
      </View>
      <MineGuide />
      <View className="card">
        <View className="section-title">工作人员</View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.checkin)}>
          入馆核验（工作人员）
        </View>
      </View>
      <View className="card">
        <View className="section-title">关于</View>
        <View className="muted">
          内容来自大连高新区科技馆相关报道；未出自报道的内容在页面中标注为“示意”。本小程序为演示项目，数据以场馆与高新区官方发布为准。
        </View>
      </View>
    </View>
    </CareRoot>
  )
}
