import { useEffect, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { shortDate } from '@cloud/contracts/booking'
import { ErrorView } from '@/components/ErrorView'
import { CheckInOutcome } from '@/staff/components/CheckInOutcome'
import { CodeEntry } from '@/staff/components/CodeEntry'
import { isStaffDevice, needsPin, staffSignIn, staffSignOut } from '@/staff/session'
import { staffStore, useStaff } from '@/staff/store'
import '@/staff/components/staff.scss'
import { CareRoot } from '@/care/CareRoot'

// Gate check-in for museum staff: scan (weapp) or enter (H5) the e-ticket; today's counts below.
export default function CheckInPage() {
  const [signedIn, setSignedIn] = useState(isStaffDevice())
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [signInError, setSignInError] = useState('')
  const checking = useStaff((s) => s.checking)
  const last = useStaff((s) => s.last)
  const today = useStaff((s) => s.today)

  useEffect(() => {
    if (signedIn) void staffStore.getState().loadToday()
  }, [signedIn])

  const signIn = async () => {
    const error = await staffSignIn(username, password)
    if (error) setSignInError(error.message)
    else {
      setSignInError('')
      setPassword('')
      setSignedIn(true)
    }
  }

  if (!signedIn) {
    return (
      <View className="page st-checkin">
        <View className="card">
          <View className="section-title" role="heading" aria-level={1}>
            工作人员登录
          </View>
          <View className="bk-field__label" id="st-user-label">
            用户名
          </View>
          <Input className="st-input" value={username} placeholder="请输入用户名" aria-labelledby="st-user-label" onInput={(e) => setUsername(e.detail.value)} />
          <View className="bk-field__label" id="st-password-label">
            密码
          </View>
          <Input className="st-input" password value={password} placeholder="请输入密码" aria-labelledby="st-password-label" onInput={(e) => setPassword(e.detail.value)} onConfirm={signIn} />
          {signInError && (
            <View className="st-error" role="alert">
              {signInError}
            </View>
          )}
          <View className="btn" role="button" onClick={signIn}>
            登录
          </View>
          <View className="muted">账号由场馆管理员开通；连续输错 5 次密码将锁定 15 分钟。</View>
        </View>
      </View>
    )
  }

  return (
    <CareRoot>
    <View className="page st-checkin">
      {last && <CheckInOutcome last={last} />}
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          入馆核验
        </View>
        <CodeEntry busy={checking} onCode={(code) => void staffStore.getState().checkIn(code)} />
      </View>
      <View className="card">
        <View className="section-title">今日入馆{today.status === 'ready' ? `（${shortDate(today.date)}）` : ''}</View>
        {today.status === 'error' && (
          <ErrorView
            error={today.error.code === 'FORBIDDEN' ? { ...today.error, message: '当前账号不是工作人员，请使用工作人员账号登录' } : today.error}
            onRetry={() => void staffStore.getState().loadToday()}
            action={
              needsPin
                ? {
                    text: '重新登录',
                    onTap: () => {
                      staffSignOut()
                      setSignedIn(false)
                    },
                  }
                : undefined
            }
          />
        )}
        {today.status === 'ready' &&
          today.sessions.map((s) => (
            <View key={s.sessionId} className="st-count" data-session={s.sessionId}>
              <View>
                {s.name} {s.start}–{s.end}
              </View>
              <View className="st-count__num">
                已入馆 {s.checkedIn} / 已预约 {s.booked}
              </View>
            </View>
          ))}
        <View className="btn btn--ghost" role="button" onClick={() => void staffStore.getState().loadToday()}>
          刷新
        </View>
      </View>
    </View>
    </CareRoot>
  )
}
