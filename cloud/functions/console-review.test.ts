// The console's safeguards against silent data loss, through the real dispatch on a real SQLite
// file: a zone import is previewed and confirmed (merge by id by default, replacing the list only
// on request and never removing what an exhibit links to), exported and read back unchanged;
// capacity is refused outside its bounds and below the places already booked; a text edit keeps
// the recordings until the operator decides; dates and windows are checked, not clamped; closed
// days and sessions can be reopened and a range of days closed with its counts shown first.
import ExcelJS from 'exceljs'
import type { Role } from './types'
import { dispatch } from './dispatch'
import { functions } from '.'
import { companyToRow, COMPANY_HEADERS, POLICY_HEADERS } from '../zone/import'
import { bj, bookPeople, caller } from '../testing/booking'
import { contextFor, tempSqliteStore } from '../testing/stores'
import type { Company } from '../contracts/zone'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0
beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

const NOW = bj('2026-11-26 10:00') // Thursday
const FRI = '2026-11-27'
const SAT = '2026-11-28'

async function asRole(role: Role, action: string, req: object): Promise<any> {
  return dispatch(functions.console, { action, ...req }, contextFor(env.store, { openid: `op-${role}`, role, now: NOW }))
}

const bookFor = (openid: string, sessionId: string, people = 1) => bookPeople(call, { openid, now: NOW }, sessionId, people, () => ++seq)

/** A CSV file of spreadsheet rows (header → cell), quoted the way Excel writes it. */
function csvOf(headers: readonly string[], rows: Array<Record<string, string>>): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const text = [headers.map(cell).join(','), ...rows.map((r) => headers.map((h) => cell(r[h] ?? '')).join(','))].join('\n')
  return Buffer.from(text).toString('base64')
}

// ----- zone import as a reviewed change -----

describe('zone import: upload → preview → confirm', () => {
  /** The 3-row company sheet of the report: three of the current companies, one of them renamed. */
  async function threeRowSheet() {
    const companies = await env.store.zone.listCompanies()
    const picked = companies.filter((c) => c.id !== 'haitian').slice(0, 3)
    const rows = picked.map(companyToRow)
    rows[0] = { ...rows[0], 企业名称: `${rows[0].企业名称}（更名）` }
    return { companies, picked, data: csvOf(COMPANY_HEADERS, rows) }
  }

  it('a 3-row company sheet merges by id by default: the preview shows the one changed field, nothing removed; confirmed, every other company (海天兴业 too) stays', async () => {
    const { companies, picked, data } = await threeRowSheet()
    expect(companies.length).toBeGreaterThan(3)
    // An edit made in the console before the import: a sheet that does not carry that company leaves it.
    const edited = companies.find((c) => !picked.includes(c) && c.id !== 'haitian')!
    expect(await asRole('zone_editor', 'saveCompany', { row: { ...companyToRow(edited), 简称: '控制台改过' }, isNew: false, rev: edited.rev ?? 0 })).toMatchObject({ ok: true })
    const listBefore = await env.store.zone.listCompanies()

    const preview = await asRole('zone_editor', 'previewImport', { fileName: '企业名录.csv', data })
    expect(preview).toMatchObject({ ok: true, data: { kind: 'companies', mode: 'merge', errors: [], added: [], removed: [], unchanged: 2 } })
    expect(preview.data.changed).toEqual([
      { id: picked[0].id, name: `${picked[0].name}（更名）`, fields: [{ column: '企业名称', before: picked[0].name, after: `${picked[0].name}（更名）` }] },
    ])
    // A preview changes nothing.
    expect(await env.store.zone.listCompanies()).toEqual(listBefore)

    const done = await asRole('zone_editor', 'importZone', { fileName: '企业名录.csv', data, mode: 'merge', baseline: preview.data.baseline })
    expect(done).toMatchObject({ ok: true, data: { kind: 'companies', added: 0, changed: 1, removed: 0 } })
    const after = await env.store.zone.listCompanies()
    expect(after.map((c) => c.id)).toEqual(listBefore.map((c) => c.id))
    expect(after.find((c) => c.id === picked[0].id)?.name).toBe(`${picked[0].name}（更名）`)
    expect(after.find((c) => c.id === edited.id)?.shortName).toBe('控制台改过')
    // The train-door exhibit's company page still opens.
    expect(await call('zone', 'getCompany', { id: 'haitian' }, { openid: null, now: NOW })).toMatchObject({ ok: true, data: { company: { name: '大连海天兴业科技有限公司' } } })
    // The audit entry says what changed, field by field, not two counts.
    const [entry] = await env.store.ops.listAudit({ operation: 'console.importZone' })
    expect(entry).toMatchObject({ target: 'companies', after: { mode: 'merge', changed: [{ id: picked[0].id, fields: [{ column: '企业名称' }] }] } })
  })

  it('replacing the whole list is explicit: the preview lists what goes, and nothing an exhibit links to can go — refused, nothing changes', async () => {
    const { companies, data } = await threeRowSheet()
    const preview = await asRole('zone_editor', 'previewImport', { fileName: '企业名录.csv', data, mode: 'replace' })
    expect(preview.ok).toBe(true)
    expect(preview.data.removed).toHaveLength(companies.length - 3)
    const haitian = preview.data.removed.find((r: { id: string }) => r.id === 'haitian')
    expect(haitian).toEqual({ id: 'haitian', name: '大连海天兴业科技有限公司', linkedBy: [expect.stringContaining('展品')] })
    expect(preview.data.blocked).toBe(true)

    const refused = await asRole('zone_editor', 'importZone', { fileName: '企业名录.csv', data, mode: 'replace', baseline: preview.data.baseline })
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_LINKED', message: expect.stringContaining('大连海天兴业科技有限公司') } })
    expect(await env.store.zone.listCompanies()).toEqual(companies)
    expect(await call('zone', 'getCompany', { id: 'haitian' }, { openid: null, now: NOW })).toMatchObject({ ok: true })

    // A sheet that keeps every linked company replaces the list: the unlinked rest goes, as previewed.
    const exhibits = await env.store.content.listExhibits()
    const linked = new Set(exhibits.map((e) => e.company.id).filter(Boolean))
    const kept = companies.filter((c) => linked.has(c.id))
    const keepLinked = csvOf(COMPANY_HEADERS, kept.map(companyToRow))
    const second = await asRole('zone_editor', 'previewImport', { fileName: 'linked.csv', data: keepLinked, mode: 'replace' })
    expect(second).toMatchObject({ ok: true, data: { blocked: false, added: [], changed: [], unchanged: kept.length } })
    const goes = companies.filter((c) => !linked.has(c.id)).map((c) => c.id)
    expect(second.data.removed.map((r: { id: string }) => r.id)).toEqual(goes)
    expect(await asRole('zone_editor', 'importZone', { fileName: 'linked.csv', data: keepLinked, mode: 'replace', baseline: second.data.baseline })).toMatchObject({ ok: true, data: { removed: goes.length } })
    expect((await env.store.zone.listCompanies()).map((c) => c.id)).toEqual(kept.map((c) => c.id))
  })

  it('a confirm after the list changed since the preview is refused, and a file with a bad row imports nothing', async () => {
    const { data } = await threeRowSheet()
    const preview = await asRole('zone_editor', 'previewImport', { fileName: '企业名录.csv', data })
    const other = (await env.store.zone.listCompanies()).at(-1) as Company
    await asRole('zone_editor', 'saveCompany', { row: { ...companyToRow(other), 简称: '预览后改的' }, isNew: false, rev: other.rev ?? 0 })
    const listBefore = await env.store.zone.listCompanies()
    expect(await asRole('zone_editor', 'importZone', { fileName: '企业名录.csv', data, mode: 'merge', baseline: preview.data.baseline })).toMatchObject({ ok: false, error: { code: 'IMPORT_STALE' } })
    expect(await env.store.zone.listCompanies()).toEqual(listBefore)

    const bad = csvOf(COMPANY_HEADERS, [{ ...companyToRow(other), 企业名称: '' }])
    const badPreview = await asRole('zone_editor', 'previewImport', { fileName: 'bad.csv', data: bad })
    expect(badPreview).toMatchObject({ ok: true, data: { errors: [expect.objectContaining({ row: 2, column: '企业名称' })], added: [], changed: [], removed: [] } })
    expect(await asRole('zone_editor', 'importZone', { fileName: 'bad.csv', data: bad, mode: 'merge', baseline: badPreview.data.baseline })).toMatchObject({ ok: false, error: { code: 'SHEET_ROWS' } })
    expect(await env.store.zone.listCompanies()).toEqual(listBefore)
  })

  it.each([
    ['companies', '企业名称', COMPANY_HEADERS],
    ['policies', '政策名称', POLICY_HEADERS],
  ] as const)('exports the current %s as the import spreadsheet: read back, the preview shows no change; the template has the same columns', async (kind, nameColumn, headers) => {
    const exported = await asRole('zone_editor', 'exportZone', { kind })
    expect(exported).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.xlsx$/) } })
    const count = kind === 'companies' ? (await env.store.zone.listCompanies()).length : (await env.store.zone.listPolicies()).length
    const preview = await asRole('zone_editor', 'previewImport', { fileName: exported.data.fileName, data: exported.data.data, mode: 'replace' })
    expect(preview).toMatchObject({ ok: true, data: { kind, errors: [], added: [], changed: [], removed: [], unchanged: count } })

    const template = await asRole('zone_editor', 'zoneTemplate', { kind })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(template.data.data, 'base64') as unknown as ArrayBuffer)
    const firstRow = (wb.worksheets[0].getRow(1).values as string[]).slice(1)
    expect(firstRow).toEqual([...headers])
    expect(firstRow).toContain(nameColumn)
    // The second sheet explains each column in words.
    expect(wb.worksheets[1].getRow(2).getCell(1).value).toBe(headers[0])
  })
})

// ----- capacity -----

describe('capacity: an integer within bounds, never below the places booked', () => {
  const overrides = async () => ((await asRole('booking_operator', 'bookingConfig', {})).data.capacityOverrides as unknown[]).length

  it('refuses -5, 999999 and 2.5 with a field error and saves nothing', async () => {
    for (const capacity of [-5, 999999, 2.5]) {
      const res = await asRole('booking_operator', 'setCapacity', { sessionId: `${FRI}.am`, capacity })
      expect(res).toMatchObject({ ok: false, error: { fields: { capacity: expect.any(String) } } })
    }
    expect(await overrides()).toBe(0)
  })

  it('refuses a capacity below the places already booked, naming the count; the sessions table shows booked / capacity', async () => {
    await bookFor('alice', `${FRI}.am`, 4)
    const refused = await asRole('booking_operator', 'setCapacity', { sessionId: `${FRI}.am`, capacity: 2 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CAPACITY_BELOW_BOOKED', message: expect.stringContaining('已预约 4 人'), fields: { capacity: expect.stringContaining('4') } } })
    expect(await overrides()).toBe(0)
    expect(await asRole('booking_operator', 'setCapacity', { sessionId: `${FRI}.am`, capacity: 4 })).toMatchObject({ ok: true })

    const days = (await asRole('booking_operator', 'bookingConfig', {})).data.days
    const fri = days.find((d: { date: string }) => d.date === FRI)
    expect(fri.sessions.map((s: { key: string; capacity: number; booked: number }) => [s.key, s.booked, s.capacity])).toEqual([
      ['am', 4, 4],
      ['pm', 0, 300],
    ])
  })

  it('refuses a weekday template whose capacity is below what a coming day of that weekday already holds', async () => {
    await bookFor('bob', `${SAT}.pm`, 3)
    const saturday = [
      { key: 'am', name: '上午场', start: '09:00', end: '12:00', capacity: 300 },
      { key: 'pm', name: '下午场', start: '13:00', end: '16:30', capacity: 2 },
    ]
    const res = await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: saturday })
    expect(res).toMatchObject({ ok: false, error: { code: 'CAPACITY_BELOW_BOOKED', message: expect.stringContaining(`${SAT} 下午场已预约 3 人`) } })
    expect((await asRole('booking_operator', 'bookingConfig', {})).data.weekdaySessions['6']).toBeUndefined()
  })
})

// ----- recordings kept until the operator decides -----

describe('audio guides after a text edit', () => {
  const visitorSees = async (code: string) => ((await call('exhibits', 'get', { code }, { openid: null, now: NOW })) as any).data.exhibit

  it('editing only the Chinese summary keeps both recordings: the Chinese one marked stale, the English one as it was; keep or remove per language', async () => {
    const seed = (await env.store.content.getExhibit('helmet'))!
    expect(seed.audio?.zh && seed.audio?.en).toBeTruthy()
    const edit = { code: 'helmet', name: seed.name, nameEn: seed.nameEn, hallId: seed.hallId, summary: `${seed.summary}（运营补充一句。）`, summaryEn: seed.summaryEn, figures: seed.figures, company: seed.company, imageAlt: seed.imageAlt, published: true }
    const saved = await asRole('content_editor', 'saveExhibit', edit)
    expect(saved).toMatchObject({ ok: true, data: { staleAudio: ['zh'] } })
    const stored = (await env.store.content.getExhibit('helmet'))!
    expect(stored.audio).toEqual({ zh: { ...seed.audio!.zh, stale: true }, en: seed.audio!.en })
    // Visitors keep hearing both until the operator decides.
    expect((await visitorSees('helmet')).audio.zh.url).toBe(seed.audio!.zh!.url)

    // Keep: the mark goes, the recording stays.
    expect(await asRole('content_editor', 'decideAudio', { code: 'helmet', lang: 'zh', decision: 'keep' })).toMatchObject({ ok: true })
    expect((await env.store.content.getExhibit('helmet'))!.audio).toEqual(seed.audio)
    // The same edit again changes nothing more: the text is what the kept recording was kept for.
    expect(await asRole('content_editor', 'saveExhibit', edit)).toMatchObject({ ok: true, data: { staleAudio: [] } })

    // An English edit marks only English; remove takes only that language off.
    await asRole('content_editor', 'saveExhibit', { ...edit, summaryEn: `${seed.summaryEn} (Updated.)` })
    expect((await env.store.content.getExhibit('helmet'))!.audio?.en?.stale).toBe(true)
    expect(await asRole('content_editor', 'decideAudio', { code: 'helmet', lang: 'en', decision: 'remove' })).toMatchObject({ ok: true })
    expect((await env.store.content.getExhibit('helmet'))!.audio).toEqual({ zh: seed.audio!.zh })
    expect(await asRole('content_editor', 'decideAudio', { code: 'helmet', lang: 'en', decision: 'keep' })).toMatchObject({ ok: false, error: { code: 'AUDIO_NOT_FOUND' } })
    const actions = (await env.store.ops.listAudit({ operation: 'console.decideAudio' })).map((e) => [e.target, e.after ? 'kept' : 'removed'])
    expect(actions.sort()).toEqual([['helmet.en', 'removed'], ['helmet.zh', 'kept']])
  })
})

// ----- bounds as field errors -----

describe('bounds: refused with a field error, never clamped or cut; nothing saved', () => {
  it('refuses a day that does not exist (2026-02-30) for a closure and a holiday', async () => {
    const closed = await asRole('booking_operator', 'closeDay', { day: '2026-02-30', reason: '测试' })
    expect(closed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { day: '这一天不存在，请检查月份和日期' } } })
    const before = (await asRole('booking_operator', 'bookingConfig', {})).data.holidays
    const holiday = await asRole('booking_operator', 'saveHolidays', { holidays: [{ name: '测试', from: '2026-02-30', to: '2026-03-02' }] })
    expect(holiday).toMatchObject({ ok: false, error: { fields: { 'holidays.0.from': '这一天不存在，请检查月份和日期' } } })
    expect((await asRole('booking_operator', 'bookingConfig', {})).data.holidays).toEqual(before)
  })

  it('refuses a published notice whose window is wholly in the past, a priority of 500 and a 41-character title', async () => {
    const before = await env.store.ops.listNotices()
    const notice = { title: '闭馆通知', body: '内容', priority: 10, validFrom: '2026-11-01T00:00:00+08:00', validTo: '2026-11-20T00:00:00+08:00', published: true }
    expect(await asRole('content_editor', 'saveNotice', notice)).toMatchObject({ ok: false, error: { code: 'NOTICE_PAST', fields: { validTo: expect.stringContaining('已过') } } })
    expect(await asRole('content_editor', 'saveNotice', { ...notice, validTo: '2026-12-01T00:00:00+08:00', priority: 500 })).toMatchObject({ ok: false, error: { fields: { priority: '优先级为 0–100' } } })
    expect(await asRole('content_editor', 'saveNotice', { ...notice, validTo: '2026-12-01T00:00:00+08:00', title: '长'.repeat(41) })).toMatchObject({ ok: false, error: { fields: { title: '不能超过 40 个字' } } })
    expect(await env.store.ops.listNotices()).toEqual(before)
    // Still running at the moment of saving: taken.
    expect(await asRole('content_editor', 'saveNotice', { ...notice, validTo: '2026-12-01T00:00:00+08:00' })).toMatchObject({ ok: true })
  })
})


// ----- operations: a range of days, reopening -----

describe('closing a range of days and reopening', () => {
  const calendarDay = async (date: string) => {
    const cal = (await call('booking', 'calendar', {}, { openid: null, now: NOW })) as any
    return cal.data.days.find((d: any) => d.date === date)
  }

  it('a two-day typhoon: the impact first (bookings and people per day), then both days closed at once; nothing changes before the confirm', async () => {
    await bookFor('alice', `${FRI}.am`, 2)
    const bob = await bookFor('bob', `${SAT}.pm`, 3)
    await bookFor('carol', `${SAT}.am`, 1)
    const impact = await asRole('booking_operator', 'closureImpact', { from: FRI, to: SAT })
    expect(impact).toMatchObject({
      ok: true,
      data: { bookings: 3, people: 6, days: [{ day: FRI, bookings: 1, people: 2 }, { day: SAT, bookings: 2, people: 4 }] },
    })
    expect((await calendarDay(FRI)).status).not.toBe('closed')
    expect((await env.store.booking.getBooking(bob))?.status).toBe('confirmed')

    const res = await asRole('booking_operator', 'closeDays', { from: FRI, to: SAT, reason: '台风红色预警，闭馆两天' })
    expect(res).toMatchObject({ ok: true, data: { cancelled: 3, days: [{ day: FRI, cancelled: 1 }, { day: SAT, cancelled: 2 }] } })
    for (const d of [FRI, SAT]) expect(await calendarDay(d)).toMatchObject({ status: 'closed' })
    expect((await env.store.booking.getBooking(bob))?.status).toBe('cancelled')
    expect((await env.store.outbox.pending(100)).filter((m) => m.kind === 'closure-notice').map((m) => m.touser).sort()).toEqual(['alice', 'bob', 'carol'])

    // Bounds: backwards, too long, or starting in the past.
    expect(await asRole('booking_operator', 'closeDays', { from: SAT, to: FRI, reason: '台风' })).toMatchObject({ ok: false, error: { code: 'RANGE_INVALID' } })
    expect(await asRole('booking_operator', 'closureImpact', { from: FRI, to: '2027-01-30' })).toMatchObject({ ok: false, error: { code: 'RANGE_INVALID' } })
    expect(await asRole('booking_operator', 'closeDays', { from: '2026-11-25', to: FRI, reason: '台风' })).toMatchObject({ ok: false, error: { code: 'DAY_PAST' } })
  })

  it('reopens a closed day and a stopped session: bookable again, the bookings cancelled by the closure stay cancelled', async () => {
    const bob = await bookFor('bob', `${SAT}.pm`, 1)
    await asRole('booking_operator', 'closeDay', { day: SAT, reason: '台风' })
    expect(await asRole('booking_operator', 'closureImpact', { sessionId: `${FRI}.am` })).toMatchObject({ ok: true, data: { bookings: 0, people: 0 } })
    const reopened = await asRole('booking_operator', 'reopenDay', { day: SAT })
    expect(reopened).toMatchObject({ ok: true, data: { day: SAT, stillCancelled: 1 } })
    expect((await calendarDay(SAT)).status).not.toBe('closed')
    expect((await env.store.booking.getBooking(bob))?.status).toBe('cancelled')
    await bookFor('dora', `${SAT}.pm`, 2)
    expect(await asRole('booking_operator', 'reopenDay', { day: SAT })).toMatchObject({ ok: false, error: { code: 'NOT_CLOSED' } })

    await asRole('booking_operator', 'closeSession', { sessionId: `${FRI}.am`, reason: '设备检修' })
    expect((await calendarDay(FRI)).sessions.find((s: any) => s.key === 'am').status).toBe('closed')
    expect(await asRole('booking_operator', 'reopenSession', { sessionId: `${FRI}.am` })).toMatchObject({ ok: true })
    expect((await calendarDay(FRI)).sessions.find((s: any) => s.key === 'am').status).toBe('open')
    const audit = (await env.store.ops.listAudit({})).map((e) => e.action)
    expect(audit).toEqual(expect.arrayContaining(['console.reopenDay', 'console.reopenSession']))
  })
})

// ----- the dashboard tells the truth -----

describe('the dashboard', () => {
  it('by default covers the coming days too (upcoming bookings count), says which days are closed and why, and marks today’s sessions closed on a closed day', async () => {
    await bookFor('alice', `${FRI}.am`, 2)
    const res = await asRole('booking_operator', 'dashboard', {})
    expect(res.ok).toBe(true)
    const days = res.data.days as Array<{ day: string; booked: number; closedReason?: string }>
    expect(res.data).toMatchObject({ today: '2026-11-26', fromDay: '2026-11-13', toDay: '2026-12-03' })
    expect(days.find((d) => d.day === FRI)).toMatchObject({ booked: 2 })
    expect(days.find((d) => d.day === '2026-11-30')?.closedReason).toContain('闭馆')
    expect(days.find((d) => d.day === FRI)?.closedReason).toBeUndefined()

    await asRole('booking_operator', 'closeDay', { day: '2026-11-26', reason: '停电检修' })
    const closed = await asRole('booking_operator', 'dashboard', {})
    expect(closed.data.sessions.map((s: { closedReason?: string }) => s.closedReason)).toEqual(['停电检修', '停电检修'])
  })

  it('counts an exhibit opened from a printed code (/e/<code>) like an in-app open, without who opened it', async () => {
    const { countExhibitOpen } = await import('../ops/scans')
    await countExhibitOpen(env.store, 'helmet', NOW)
    await call('exhibits', 'get', { code: 'helmet' }, { openid: null, now: NOW })
    const res = await asRole('content_editor', 'dashboard', {})
    expect(res.data.scans).toEqual([{ counter: 'scan:helmet', day: '2026-11-26', count: 2 }])
  })
})
