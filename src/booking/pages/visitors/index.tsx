import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { MAX_SAVED_VISITORS, type VisitorView } from '@cloud/contracts/booking'
import { shortDate } from '@/booking/dates'
import { removalPlan } from '@/booking/visitor-removal'
import { useLang } from '@/i18n/store'
import { VisitorIdentity } from '@/booking/components/VisitorIdentity'
import { PageShell } from '@/ui/PageShell'
import { VisitorForm } from '@/booking/components/VisitorForm'
import { bookingStore, useBooking } from '@/booking/store'
import { confirmDestructive } from '@/booking/confirm-destructive'
import '@/booking/components/booking.scss'

import { useStrings } from '@/i18n/strings'
import { useErrorText } from '@/i18n/errors'
import { bookingText } from '@/booking/strings'
import { usePageTitle } from '@/services/page-title'
// 常用参观人: saved once, picked when booking. IDs are only ever shown masked.
export default function VisitorsPage() {
  const visitors = useBooking((s) => s.visitors)
  const s = useStrings(bookingText)
  const errorText = useErrorText()
  const lang = useLang()
  usePageTitle(s('visitors'))
  useEffect(() => {
    void bookingStore.getState().loadVisitors()
  }, [])

  // One answer: a visitor in a booking still to come is refused at once (from 我的预约), not asked
  // about and then refused; a refusal the app could not foresee is shown as a dialog, not a toast.
  const refuse = (content: string) => Taro.showModal({ title: s('removeInUseTitle'), content, showCancel: false, confirmText: s('gotIt') })
  const remove = async (visitor: VisitorView) => {
    const store = bookingStore.getState()
    if (store.mine.status !== 'ready') await store.loadMine()
    const mine = bookingStore.getState().mine
    const plan = removalPlan(visitor, mine.status === 'ready' ? mine.data : [])
    if (plan.kind === 'inUse') return void refuse(s('removeInUse', { name: visitor.name, date: shortDate(plan.date, lang) }))
    const confirm = await confirmDestructive({ title: s('removeTitle'), content: s('removeConfirm', { name: visitor.name }), confirmText: s('remove'), cancelText: s('keepVisitor') })
    if (!confirm) return
    const res = await bookingStore.getState().removeVisitor(visitor.id)
    if (!res.ok) void refuse(errorText(res.error))
  }

  // Loading and error inside the page shell, so care mode covers them too.
  return (
    <PageShell state={visitors} className="bk-visitors" loadingText={s('formLoading')} onRetry={() => void bookingStore.getState().loadVisitors()}>
      {(list) => (
        <View>
          <View className="card">
            <View className="section-title">{s('visitorsCount', { n: list.length, max: MAX_SAVED_VISITORS })}</View>
            {list.length === 0 && <View className="muted">{s('noSavedVisitors')}</View>}
            {list.map((v) => (
              <View key={v.id} className="bk-visitor">
                <VisitorIdentity visitor={v} />
                <View className="bk-visitor__remove" role="button" aria-label={s('removeLabel', { name: v.name })} onClick={() => void remove(v)}>
                  {s('remove')}
                </View>
              </View>
            ))}
          </View>
          <View className="card">
            <View className="section-title">{s('addVisitor')}</View>
            <VisitorForm onAdded={() => Taro.showToast({ title: s('visitorSaved'), icon: 'success' })} />
          </View>
        </View>
      )}
    </PageShell>
  )
}
