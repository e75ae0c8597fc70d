import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import type { ResponseOf } from '@cloud/contracts/api'
import type { AppError } from '@cloud/contracts/result'
import { GROUP_STATUS_LABEL, GROUP_STATUS_LABEL_EN, type GroupRequestView } from '@cloud/contracts/groups'
import { shortDate as zhDate } from '@cloud/contracts/booking'
import { shortDate } from '@/booking/dates'
import { TicketQr } from '@/booking/components/TicketQr'
import { sessionNameIn } from '@/booking/strings'
import { errorText } from '@/i18n/errors'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { callCloud } from '@/services/cloud'
import { usePageTitle } from '@/services/page-title'
import { Loaded } from '@/ui/Loaded'
import { PageShell } from '@/ui/PageShell'
import type { Loadable } from '@/ui/loadable'
import { groupsText } from './strings'
import { rowProblems, rowProblemText, type RowProblem } from './row-errors'
import { pickRoster, pickSupported, saveTemplate, type PickedFile } from './roster-file'
import './groups.scss'

type Sessions = ResponseOf<'groups', 'sessions'>

/** Sessions grouped by day, in the order given: a day's sessions side by side, as on the calendar. */
const byDay = <T extends { day: string }>(list: T[]): Array<[string, T[]]> => {
  const days = new Map<string, T[]>()
  for (const x of list) days.set(x.day, [...(days.get(x.day) ?? []), x])
  return [...days]
}

const newRequestId = () => `g${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

// 团体预约: choose a session with group places, fill in the organisation and the leader, upload
// the roster; a roster with bad rows comes back as a table of rows to fix (nothing is booked until
// every row passes). Below: the leader's requests with their status and, once approved, the QR.
export default function GroupsPage() {
  const s = useStrings(groupsText)
  const lang = useLang()
  usePageTitle(s('title'))
  const [sessions, setSessions] = useState<Loadable<Sessions>>({ status: 'loading' })
  const [mine, setMine] = useState<Loadable<GroupRequestView[]>>({ status: 'loading' })
  const [form, setForm] = useState({ sessionId: '', organisation: '', creditCode: '', leaderName: '', leaderPhone: '' })
  const [file, setFile] = useState<PickedFile | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [rows, setRows] = useState<RowProblem[]>([])
  const [sending, setSending] = useState(false)
  // One id per filled-in form: a retried tap after a lost answer finds the same request.
  const [requestId, setRequestId] = useState(newRequestId)

  const loadSessions = async () => {
    setSessions({ status: 'loading' })
    const res = await callCloud('groups', 'sessions', {})
    setSessions(res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error })
  }
  const loadMine = async () => {
    const res = await callCloud('groups', 'mine', {})
    setMine(res.ok ? { status: 'ready', data: res.data.requests } : { status: 'error', error: res.error })
  }
  useEffect(() => void loadSessions(), [])
  useDidShow(() => void loadMine())

  const set = (k: keyof typeof form) => (e: { detail: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.detail.value }))
    setRequestId(newRequestId())
    if (errors[k]) setErrors((x) => ({ ...x, [k]: '' }))
  }
  const when = (day: string) => (lang === 'en' ? shortDate(day, 'en') : zhDate(day))
  const fail = (error: AppError) => {
    setRows(rowProblems(error.fields))
    const fields = Object.fromEntries(Object.entries(error.fields ?? {}).filter(([k]) => !k.startsWith('rows.') && !k.startsWith('rowCodes.')))
    setErrors({ ...fields, _: errorText(error, lang) })
  }

  const choose = async () => {
    const picked = await pickRoster().catch(() => (setErrors((x) => ({ ...x, roster: s('fileUnreadable') })), null))
    if (!picked) return
    setFile(picked)
    setRows([])
    setRequestId(newRequestId())
    setErrors((x) => ({ ...x, roster: '', _: '' }))
  }
  const template = async () => {
    const res = await callCloud('groups', 'template', {})
    if (res.ok) saveTemplate(res.data.fileName, res.data.data)
    else setErrors((x) => ({ ...x, _: errorText(res.error, lang) }))
  }
  const submit = async () => {
    if (sending) return
    if (!form.sessionId) return setErrors((x) => ({ ...x, sessionId: s('needSession') }))
    if (!file) return setErrors((x) => ({ ...x, roster: s('needRoster') }))
    setSending(true)
    setRows([])
    setErrors({})
    const res = await callCloud('groups', 'submit', { ...form, rosterBase64: file.base64, rosterName: file.name, clientRequestId: requestId })
    setSending(false)
    if (!res.ok) return fail(res.error)
    setFile(null)
    setRequestId(newRequestId())
    await Taro.showToast({ title: s('sent'), icon: 'none', duration: 2500 })
    void loadSessions()
    void loadMine()
  }
  const cancel = async (r: GroupRequestView) => {
    const { confirm } = await Taro.showModal({ title: s('cancel'), content: s('cancelConfirm'), confirmText: s('cancel'), cancelText: s('keep'), confirmColor: '#b42318' })
    if (!confirm) return
    const res = await callCloud('groups', 'cancel', { requestId: r.id })
    if (!res.ok) return void Taro.showToast({ title: errorText(res.error, lang), icon: 'none', duration: 3000 })
    void loadMine()
    void loadSessions()
  }

  const hasRequests = mine.status !== 'ready' || mine.data.length > 0
  const mineCard = (
      <View className="card">
        <View className="section-title" role="heading" aria-level={2}>
          {s('mine')}
        </View>
        <Loaded state={mine} loadingText={s('mineLoading')} onRetry={() => void loadMine()}>
          {(requests) => (
            <>
              {requests.length === 0 && <View className="muted">{s('noRequests')}</View>}
              {requests.map((r) => (
                <View key={r.id} className="gp-field" data-group-request={r.id} data-status={r.status}>
                  <View className="gp-field__label">{r.organisation}</View>
                  <View className="tag">{lang === 'en' ? GROUP_STATUS_LABEL_EN[r.status] : GROUP_STATUS_LABEL[r.status]}</View>
                  <View>
                    {when(r.day)} {sessionNameIn(lang, r.sessionId, r.sessionName)} {r.start}–{r.end}
                  </View>
                  <View>{s('people', { n: r.people, t: r.counts.teachers, s: r.counts.students, a: r.counts.adults })}</View>
                  {r.checkedIn > 0 && <View>{s('checkedIn', { n: r.checkedIn })}</View>}
                  {r.reason && <View className="muted">{s('reason', { r: r.reason })}</View>}
                  {r.leaderCode && (
                    <>
                      <View className="muted">{s('leaderCode')}</View>
                      <TicketQr code={r.leaderCode} label={s('leaderCode')} />
                    </>
                  )}
                  {(r.status === 'pending' || r.status === 'approved') && r.checkedIn === 0 && (
                    <View className="btn btn--ghost" role="button" data-action="cancel-group" onClick={() => void cancel(r)}>
                      {s('cancel')}
                    </View>
                  )}
                </View>
              ))}
            </>
          )}
        </Loaded>
      </View>
  )

  const field = (k: keyof typeof form, label: string, hint?: string, type?: 'number') => (
    <View className="gp-field" data-field={k}>
      <View className="gp-field__label" id={`gp-${k}`}>
        {label}
      </View>
      {/* The placeholder also names the field: Taro's H5 input does not pass aria-labelledby to its inner <input>. */}
      <Input className="gp-input" type={type ?? 'text'} aria-labelledby={`gp-${k}`} placeholder={hint ?? label} value={form[k]} onInput={set(k)} />
      {errors[k] && (
        <View className="gp-error" role="alert">
          {errors[k]}
        </View>
      )}
    </View>
  )

  return (
    <PageShell className="gp-page">
      {/* A leader coming back sees their requests (and the QR) first; with none yet, only the form. */}
      {hasRequests && mineCard}
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {s('title')}
        </View>
        <Loaded state={sessions} loadingText={s('sessionsLoading')} onRetry={() => void loadSessions()}>
          {({ sessions: list, rules }) => (
            <>
              <View className="muted">{s('intro', { min: rules.minPeople, max: rules.maxPeople, per: rules.pupilsPerTeacher })}</View>
              <View className="gp-field__label">{s('session')}</View>
              {list.length === 0 && <View className="muted">{s('noSessions')}</View>}
              <View role="radiogroup" aria-label={s('session')}>
                {byDay(list).map(([day, ofDay]) => (
                  <View key={day} className="gp-day">
                    <View className="gp-day__date">{when(day)}</View>
                    <View className="gp-day__sessions">
                      {ofDay.map((x) => {
                        const left = Math.max(0, x.quota - x.taken)
                        return (
                          <View
                            key={x.sessionId}
                            className={`gp-session ${form.sessionId === x.sessionId ? 'gp-session--on' : ''} ${left === 0 ? 'gp-session--full' : ''}`}
                            role="radio"
                            aria-checked={form.sessionId === x.sessionId}
                            aria-disabled={left === 0}
                            data-session={x.sessionId}
                            onClick={() => left > 0 && (setForm((f) => ({ ...f, sessionId: x.sessionId })), setRequestId(newRequestId()), setErrors((e) => ({ ...e, sessionId: '' })))}
                          >
                            <View className="gp-session__name">{sessionNameIn(lang, x.sessionId, x.name)}</View>
                            <View className="gp-session__time">
                              {x.start}–{x.end}
                            </View>
                            <View className="gp-session__left">{s('left', { n: left })}</View>
                          </View>
                        )
                      })}
                    </View>
                  </View>
                ))}
              </View>
              {errors.sessionId && (
                <View className="gp-error" role="alert">
                  {errors.sessionId}
                </View>
              )}
            </>
          )}
        </Loaded>
      </View>
      <View className="card">
        {field('organisation', s('organisation'))}
        {field('creditCode', s('creditCode'), s('creditCodeHint'))}
        {field('leaderName', s('leaderName'))}
        {field('leaderPhone', s('leaderPhone'), undefined, 'number')}
        <View className="gp-field" data-field="roster">
          <View className="gp-field__label">{s('roster')}</View>
          <View className="muted">{s('rosterHint')}</View>
          <View className="btn btn--ghost" role="button" data-action="template" onClick={() => void template()}>
            {s('template')}
          </View>
          {pickSupported ? (
            <View className="btn btn--ghost" role="button" data-action="choose-roster" onClick={() => void choose()}>
              {file ? s('chosen', { name: file.name }) : s('chooseFile')}
            </View>
          ) : (
            <View className="muted">{s('fileUnsupported')}</View>
          )}
          {errors.roster && (
            <View className="gp-error" role="alert">
              {errors.roster}
            </View>
          )}
        </View>
        {errors._ && (
          <View className="gp-error" role="alert" data-submit-error>
            {errors._}
          </View>
        )}
        {rows.length > 0 && (
          <View className="gp-rows" role="table" aria-label={s('rowErrors')} data-row-errors>
            <View className="gp-rows__row" role="row">
              <View className="gp-rows__cell gp-rows__cell--head" role="columnheader">{s('row')}</View>
              <View className="gp-rows__cell gp-rows__cell--head" role="columnheader">{s('column')}</View>
              <View className="gp-rows__cell gp-rows__cell--head" role="columnheader">{s('problem')}</View>
            </View>
            {rows.map((r) => {
              const text = rowProblemText(r, lang)
              return (
                <View key={`${r.row}-${r.column}`} className="gp-rows__row" role="row" data-row={r.row} data-problem={r.code}>
                  <View className="gp-rows__cell" role="cell">{s('rowLabel', { n: r.row })}</View>
                  <View className="gp-rows__cell" role="cell">{text.column}</View>
                  <View className="gp-rows__cell" role="cell">{text.message}</View>
                </View>
              )
            })}
          </View>
        )}
      </View>
      <View className="btn" role="button" data-action="submit-group" aria-disabled={sending} onClick={() => void submit()}>
        {sending ? s('submitting') : s('submit')}
      </View>
    </PageShell>
  )
}
