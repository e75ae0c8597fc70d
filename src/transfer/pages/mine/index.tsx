import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { NEED_STATUS_LABEL, REQUEST_STATUS_LABEL_EN } from '@cloud/contracts/transfer'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { Cell, CellGroup } from '@/ui/Cell'
import { PageShell } from '@/ui/PageShell'
import { transferStore, useTransfer } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import { askStatusNotice, statusNoticeSupported } from '@/transfer/notify'
import { callCloud } from '@/services/cloud'
import { useValueText } from '@/transfer/values'
import '@/transfer/transfer.scss'

// 我的对接: each request with every status it went through and the days spent in each; the needs
// one posted, with the centre's note when one came back.
export default function MyRequestsPage() {
  const s = useStrings(transferText)
  const en = useLang() === 'en'
  const state = useTransfer((st) => st.mine)
  const v = useValueText()
  usePageTitle(s('mine'))
  // Fresh every time the page shows: the officer may have moved a request meanwhile.
  useDidShow(() => void transferStore.getState().loadMine())
  return (
    <PageShell state={state} className="tf-mine" loadingText={s('mineLoading')} onRetry={() => void transferStore.getState().loadMine()}>
      {({ requests, needs }) => (
        <>
          {requests.length === 0 && (
            <View className="card">
              <View>{s('noRequests')}</View>
              <View className="btn btn--ghost" role="link" onClick={() => openPage(paths.transferResults)}>
                {s('results')}
              </View>
            </View>
          )}
          {requests.map((r) => (
            <View key={r.id} className="card" data-request={r.id} data-status={r.status}>
              <View className="tf-row__title" data-content>
                {r.targetTitle}
              </View>
              <View className="tag" data-current-status>
                {en ? REQUEST_STATUS_LABEL_EN[r.status] : r.statusLabel}
              </View>
              <View role="list">
                {r.steps.map((step, i) => (
                  <View key={i} role="listitem" className={`tf-status ${i === r.steps.length - 1 ? 'tf-status--current' : ''}`}>
                    <View>
                      {en ? REQUEST_STATUS_LABEL_EN[step.status] : step.label}
                      {step.note ? (
                        <Text className="muted" data-content>
                          {' '}
                          · {step.note}
                        </Text>
                      ) : null}
                    </View>
                    <View data-days={step.days}>
                      {i === r.steps.length - 1 ? s('currentDays', { n: step.days }) : s('days', { n: step.days })}
                    </View>
                  </View>
                ))}
              </View>
              {statusNoticeSupported && r.status !== 'declined' && r.status !== 'landed' && (
                <View
                  className="btn btn--ghost"
                  role="button"
                  data-action="subscribe"
                  onClick={async () => {
                    if (!(await askStatusNotice())) return
                    const res = await callCloud('transfer', 'subscribe', { id: r.id })
                    if (res.ok) void transferStore.getState().loadMine()
                  }}
                >
                  {r.notifyGrants > 0 ? s('subscribed', { n: r.notifyGrants }) : s('subscribe')}
                </View>
              )}
              {r.policies && r.policies.length > 0 && (
                <CellGroup title={s('policies')}>
                  {r.policies.map((p) => (
                    <Cell key={p.id} title={<Text data-content>{p.title}</Text>} onTap={() => openPage(paths.policy(p.id))} />
                  ))}
                </CellGroup>
              )}
            </View>
          ))}
          {needs.length > 0 && (
            <CellGroup title={s('myNeeds')}>
              {needs.map((n) => (
                <Cell key={n.id} title={<Text data-content>{n.title}</Text>} value={v(NEED_STATUS_LABEL[n.status])} label={n.reviewNote ? <View>{s('reviewNote')}<Text data-content>{n.reviewNote}</Text></View> : undefined} />
              ))}
            </CellGroup>
          )}
        </>
      )}
    </PageShell>
  )
}
