import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { MAX_SAVED_VISITORS } from '@cloud/contracts/booking'
import { VisitorIdentity } from '@/booking/components/VisitorIdentity'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { VisitorForm } from '@/booking/components/VisitorForm'
import { bookingStore, useBooking } from '@/booking/store'
import '@/booking/components/booking.scss'
import { CareRoot } from '@/care/CareRoot'

// 常用参观人: saved once, picked when booking. IDs are only ever shown masked.
export default function VisitorsPage() {
  const visitors = useBooking((s) => s.visitors)
  useEffect(() => {
    void bookingStore.getState().loadVisitors()
  }, [])

  if (visitors.status === 'idle' || visitors.status === 'loading') return <LoadingView text="正在加载常用参观人…" />
  if (visitors.status === 'error') return <ErrorView error={visitors.error} onRetry={() => void bookingStore.getState().loadVisitors()} />

  const remove = async (id: string, name: string) => {
    const { confirm } = await Taro.showModal({ title: '删除参观人', content: `确定删除“${name}”吗？已有的预约不受影响。`, confirmText: '删除', cancelText: '保留' })
    if (!confirm) return
    const res = await bookingStore.getState().removeVisitor(id)
    if (!res.ok) Taro.showToast({ title: res.error.message, icon: 'none' })
  }

  return (
    <CareRoot>
    <View className="page bk-visitors">
      <View className="card">
        <View className="section-title">
          常用参观人（{visitors.data.length}/{MAX_SAVED_VISITORS}）
        </View>
        {visitors.data.length === 0 && <View className="muted">还没有常用参观人。添加后，预约时勾选即可。</View>}
        {visitors.data.map((v) => (
          <View key={v.id} className="bk-visitor">
            <VisitorIdentity visitor={v} />
            <View className="bk-visitor__remove" role="button" aria-label={`删除${v.name}`} onClick={() => remove(v.id, v.name)}>
              删除
            </View>
          </View>
        ))}
      </View>
      <View className="card">
        <View className="section-title">添加参观人</View>
        <VisitorForm onAdded={() => Taro.showToast({ title: '已保存', icon: 'success' })} />
      </View>
    </View>
    </CareRoot>
  )
}
