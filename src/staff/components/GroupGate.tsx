import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { shortDate } from '@cloud/contracts/booking'
import type { StaffState } from '@/staff/store'
import { staffStore } from '@/staff/store'
import { useStrings } from '@/i18n/strings'
import { useErrorText } from '@/i18n/errors'
import { staffText } from '@/staff/strings'
import './staff.scss'

/** A scanned group: organisation and approved heads; staff enter the heads they counted (partial
 *  counts allowed, never past the approved number — the server refuses more). */
export function GroupGate({ group, busy }: { group: NonNullable<StaffState['group']>; busy: boolean }) {
  const t = useStrings(staffText)
  const errorText = useErrorText()
  const [count, setCount] = useState('')
  const v = group.view
  const left = v.expected - v.checkedIn
  const n = Number(count)
  const valid = Number.isInteger(n) && n >= 1 && n <= left
  return (
    <View className="st-result st-result--ok" role="status" data-outcome="group" data-group={v.requestId}>
      <View className="st-result__title">
        {t('groupTitle')}：{t('groupExpected', { org: v.organisation, n: v.expected })}
      </View>
      <View className="st-result__line">
        {shortDate(v.day)} {v.sessionName} {v.start}–{v.end} · {v.leaderName}
      </View>
      <View className="st-result__line" data-group-in={v.checkedIn}>
        {group.admitted !== undefined ? t('groupDone', { n: group.admitted, in: v.checkedIn, total: v.expected }) : t('groupSoFar', { in: v.checkedIn, n: v.expected })}
      </View>
      {group.error && (
        <View className="st-error" role="alert">
          {errorText(group.error)}
        </View>
      )}
      {left > 0 ? (
        <>
          <View className="bk-field__label" id="st-group-count">
            {t('groupCount')}
          </View>
          <Input className="st-input" type="number" aria-labelledby="st-group-count" placeholder={t('groupCount')} value={count} onInput={(e) => setCount(e.detail.value)} />
          <View
            className="btn"
            role="button"
            data-action="count-group"
            aria-disabled={busy || !valid}
            onClick={() => {
              if (!valid || busy) return
              void staffStore.getState().countGroup(n)
              setCount('')
            }}
          >
            {t('groupConfirm', { n: valid ? n : '' })}
          </View>
        </>
      ) : (
        <View className="st-result__line">{t('groupFull')}</View>
      )}
    </View>
  )
}
