import { useEffect, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { shortDate } from '@cloud/contracts/booking'
import { Loaded } from '@/ui/Loaded'
import { CheckInOutcome } from '@/staff/components/CheckInOutcome'
import { CodeEntry } from '@/staff/components/CodeEntry'
import { GroupGate } from '@/staff/components/GroupGate'
import { ExpectedVisitors } from '@/staff/components/ExpectedVisitors'
import { isStaffDevice, needsPin, staffSignIn, staffSignOut } from '@/staff/session'
import { staffStore, useStaff } from '@/staff/store'
import '@/staff/components/staff.scss'
import { PageShell } from '@/ui/PageShell'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { useErrorText } from '@/i18n/errors'
import { shortDate as dateIn } from '@/booking/dates'
import { sessionNameIn } from '@/booking/strings'
import { staffText } from '@/staff/strings'
import { usePageTitle } from '@/services/page-title'
import { useEvery } from '@/ui/use-every'

/** How often the day's counts refresh on their own: another gate admits people, and walk-in places are released while the page is open. */
const TODAY_REFRESH_MS = 30_000

// Gate check-in for museum staff: scan (weapp) or enter (H5) the e-ticket; today's counts below.
export default function CheckInPage() {
  const [signedIn, setSignedIn] = useState(isStaffDevice())
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [signInError, setSignInError] = useState('')
  const [listed, setListed] = useState<string | null>(null)
  const checking = useStaff((s) => s.checking)
  const last = useStaff((s) => s.last)
  const group = useStaff((s) => s.group)
  const today = useStaff((s) => s.today)
  const t = useStrings(staffText)
  const lang = useLang()
  const errorText = useErrorText()
  usePageTitle(t('title'))

  useEffect(() => {
    if (signedIn) void staffStore.getState().loadToday()
  }, [signedIn])
  useEvery(TODAY_REFRESH_MS, () => void staffStore.getState().loadToday('background'), signedIn)

  const signIn = async () => {
    const error = await staffSignIn(username, password)
    if (error) setSignInError(errorText(error))
    else {
      setSignInError('')
      setPassword('')
      setSignedIn(true)
    }
  }

  const signOut = () => {
    staffSignOut()
    staffStore.setState({ last: null, group: null, today: { status: 'idle' } })
    setListed(null)
    setSignedIn(false)
  }

  if (!signedIn) {
    return (
      <PageShell className="st-checkin">
        <View className="card">
          <View className="section-title" role="heading" aria-level={1}>
            {t('signInTitle')}
          </View>
          <View className="bk-field__label" id="st-user-label">
            {t('username')}
          </View>
          <Input className="st-input" value={username} placeholder={t('usernamePlaceholder')} aria-labelledby="st-user-label" onInput={(e) => setUsername(e.detail.value)} />
          <View className="bk-field__label" id="st-password-label">
            {t('password')}
          </View>
          <Input className="st-input" password value={password} placeholder={t('passwordPlaceholder')} aria-labelledby="st-password-label" onInput={(e) => setPassword(e.detail.value)} onConfirm={signIn} />
          {signInError && (
            <View className="st-error" role="alert">
              {signInError}
            </View>
          )}
          <View className="btn" role="button" onClick={signIn}>
            {t('signIn')}
          </View>
          <View className="muted">{t('signInNote')}</View>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className="st-checkin">
      {last && <CheckInOutcome last={last} />}
      {group && <GroupGate group={group} busy={checking} />}
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {t('title')}
        </View>
        <CodeEntry busy={checking} onCode={(code) => void staffStore.getState().checkIn(code)} />
      </View>
      <View className="card">
        <View className="section-title">{today.status === 'ready' ? t('todayDate', { date: lang === 'en' ? dateIn(today.data.date, 'en') : shortDate(today.data.date) }) : t('today')}</View>
        <Loaded
          state={today.status === 'error' && today.error.code === 'FORBIDDEN' ? { status: 'error', error: { ...today.error, message: t('notStaff') } } : today}
          onRetry={() => void staffStore.getState().loadToday()}
          errorAction={
            needsPin
              ? {
                  text: t('signInAgain'),
                  onTap: signOut,
                }
              : undefined
          }
        >
          {({ sessions }) => sessions.map((s) => (
            <View key={s.sessionId} data-session={s.sessionId}>
              <View className="st-count">
                <View className="st-count__name">
                {sessionNameIn(lang, s.sessionId, s.name)} {s.start}–{s.end}
                </View>
                <View className="st-count__side">
                  <View className="st-count__num">
                    {t('counts', { in: s.checkedIn, booked: s.booked })}
                    {s.groups && <View data-group-counts>{t('groupCounts', { in: s.groups.checkedIn, n: s.groups.expected })}</View>}
                  </View>
                  {s.walkIn !== undefined && (
                    <View className="st-count__num" data-walk-in={s.walkIn}>
                      {t('walkIn', { n: s.walkIn })}
                    </View>
                  )}
                  <View className="st-count__toggle" role="button" aria-expanded={listed === s.sessionId} data-action="expected" onClick={() => setListed(listed === s.sessionId ? null : s.sessionId)}>
                    {listed === s.sessionId ? t('expectedHide') : t('expected')}
                  </View>
                </View>
              </View>
              {listed === s.sessionId && <ExpectedVisitors sessionId={s.sessionId} />}
            </View>
          ))}
        </Loaded>
        <View className="btn btn--ghost" role="button" onClick={() => void staffStore.getState().loadToday()}>
          {t('refresh')}
        </View>
      </View>
      {needsPin && (
        <View className="btn btn--ghost st-signout" role="button" data-action="sign-out" onClick={signOut}>
          {t('signOut')}
        </View>
      )}
    </PageShell>
  )
}
