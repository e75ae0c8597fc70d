// Two zone editors at once, through the real dispatch on a real SQLite file: each company or policy
// save (or removal) is one guarded step on that record's revision, so a save of another record is
// never lost and a save from a revision someone else already saved over is refused, not overwritten.
import type { Role } from './types'
import { dispatch } from './dispatch'
import { functions } from '.'
import { companyToRow, policyToRow, COMPANY_HEADERS } from '../zone/import'
import { bj, caller } from '../testing/booking'
import { contextFor, tempSqliteStore } from '../testing/stores'
import type { Company, Policy } from '../contracts/zone'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

const NOW = bj('2026-11-26 10:00')

/** One editor's console call (`who` tells two editors of the same role apart). */
async function as(who: string, action: string, req: object, role: Role = 'zone_editor'): Promise<any> {
  return dispatch(functions.console, { action, ...req }, contextFor(env.store, { openid: `op-${who}`, role, now: NOW }))
}
/** The list as the console shows it (with each record's revision). */
const listed = async () => (await as('reader', 'zoneData', {})).data as { companies: Company[]; policies: Policy[] }
const company = async (id: string) => (await listed()).companies.find((c) => c.id === id)!
const policy = async (id: string) => (await listed()).policies.find((p) => p.id === id)!
const revOf = (r: { rev?: number }) => r.rev ?? 0
const auditOf = async (action: string) => (await env.store.ops.listAudit({})).filter((e) => e.action === action)

describe('companies, two editors at once', () => {
  it('two editors saving different companies at the same moment both keep their change', async () => {
    const [a, b] = await Promise.all([company('houren'), company('mingyun')])
    const newRow = { ...companyToRow(a), 企业编号: 'newco', 企业名称: '大连新创科技有限公司', 展品编号: '' }
    const saves = await Promise.all([
      as('a', 'saveCompany', { row: { ...companyToRow(a), 简称: '甲改的简称' }, isNew: false, rev: revOf(a) }),
      as('b', 'saveCompany', { row: { ...companyToRow(b), 简称: '乙改的简称' }, isNew: false, rev: revOf(b) }),
      as('c', 'saveCompany', { row: newRow, isNew: true }),
    ])
    expect(saves.map((s) => s.ok)).toEqual([true, true, true])
    const after = await listed()
    expect(after.companies.find((c) => c.id === 'houren')?.shortName).toBe('甲改的简称')
    expect(after.companies.find((c) => c.id === 'mingyun')?.shortName).toBe('乙改的简称')
    expect(after.companies.map((c) => c.id)).toContain('newco')
    // Visitors see both at once (the search index is rebuilt from the new version).
    const search = await call('zone', 'searchCompanies', { q: '甲改的简称' }, { openid: null, now: NOW })
    expect((search as any).data.items.map((c: Company) => c.id)).toContain('houren')
  })

  it('a save from a revision someone else already saved over is refused with a clear message; the first save stays', async () => {
    const seen = await company('houren')
    const first = await as('a', 'saveCompany', { row: { ...companyToRow(seen), 简称: '甲改' }, isNew: false, rev: revOf(seen) })
    expect(first).toMatchObject({ ok: true })
    const second = await as('b', 'saveCompany', { row: { ...companyToRow(seen), 简称: '乙改' }, isNew: false, rev: revOf(seen) })
    expect(second).toMatchObject({ ok: false, error: { code: 'COMPANY_STALE', message: '这家企业已被他人修改，请刷新后再改' } })
    expect((await company('houren')).shortName).toBe('甲改')
    expect(await auditOf('console.saveCompany')).toHaveLength(1)
    // A removal from the old revision is refused too; from the revision now listed, the edit goes through.
    const now = await company('houren')
    expect(await as('b', 'removeCompany', { id: 'houren', rev: revOf(seen) })).toMatchObject({ ok: false, error: { code: 'COMPANY_STALE' } })
    expect(await as('b', 'saveCompany', { row: { ...companyToRow(now), 简称: '乙改' }, isNew: false, rev: revOf(now) })).toMatchObject({ ok: true })
    expect((await company('houren')).shortName).toBe('乙改')
  })

  it('an edit or removal without the revision it was made from is refused, and changes nothing', async () => {
    const before = await listed()
    const row = companyToRow(before.companies[0])
    expect(await as('a', 'saveCompany', { row, isNew: false })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { rev: expect.any(String) } } })
    expect(await as('a', 'removeCompany', { id: before.companies[0].id })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await listed()).toEqual(before)
    expect(await env.store.ops.listAudit({})).toEqual([])
  })
})

describe('policies, two editors at once', () => {
  it('a policy save or removal from a stale revision is refused and changes nothing; two policies saved at once both keep their change', async () => {
    const [a, b] = await Promise.all([policy('kechuang'), (await listed()).policies.find((p) => p.id !== 'kechuang')!])
    const saves = await Promise.all([
      as('a', 'savePolicy', { row: { ...policyToRow(a), 政策摘要: '甲改的摘要' }, isNew: false, rev: revOf(a) }),
      as('b', 'savePolicy', { row: { ...policyToRow(b), 政策摘要: '乙改的摘要' }, isNew: false, rev: revOf(b) }),
    ])
    expect(saves.map((s) => s.ok)).toEqual([true, true])
    expect((await policy('kechuang')).summary).toBe('甲改的摘要')
    expect((await policy(b.id)).summary).toBe('乙改的摘要')

    const before = await listed()
    const stale = await as('c', 'savePolicy', { row: { ...policyToRow(a), 政策摘要: '丙改的摘要' }, isNew: false, rev: revOf(a) })
    expect(stale).toMatchObject({ ok: false, error: { code: 'POLICY_STALE', message: '这项政策已被他人修改，请刷新后再改' } })
    expect(await as('c', 'removePolicy', { id: 'kechuang', rev: revOf(a) })).toMatchObject({ ok: false, error: { code: 'POLICY_STALE' } })
    expect(await listed()).toEqual(before)
    expect(await call('zone', 'getPolicy', { id: 'kechuang' }, { openid: null, now: NOW })).toMatchObject({ ok: true, data: { policy: { summary: '甲改的摘要' } } })
    expect(await as('c', 'removePolicy', { id: 'kechuang', rev: revOf(before.policies.find((p) => p.id === 'kechuang')!) })).toMatchObject({ ok: true })
    expect((await listed()).policies.map((p) => p.id)).not.toContain('kechuang')
  })
})

describe('the spreadsheet import beside single edits', () => {
  it('a record the import changed counts as a new revision: a dialog opened before the import cannot write over it', async () => {
    const seen = await company('houren')
    const sheet = Buffer.from([COMPANY_HEADERS.join(','), COMPANY_HEADERS.map((h) => (h === '企业名称' ? '厚仁（导入改名）' : csvCell(companyToRow(seen)[h] ?? ''))).join(',')].join('\n')).toString('base64')
    const preview = await as('a', 'previewImport', { fileName: '企业名录.csv', data: sheet })
    expect(preview).toMatchObject({ ok: true, data: { changed: [{ id: 'houren' }] } })
    expect(await as('a', 'importZone', { fileName: '企业名录.csv', data: sheet, mode: 'merge', baseline: preview.data.baseline })).toMatchObject({ ok: true, data: { changed: 1 } })
    // The other editor's dialog was opened before the import: its save is refused, the import's name stays.
    expect(await as('b', 'saveCompany', { row: { ...companyToRow(seen), 简称: '乙改' }, isNew: false, rev: revOf(seen) })).toMatchObject({ ok: false, error: { code: 'COMPANY_STALE' } })
    expect((await company('houren')).name).toBe('厚仁（导入改名）')
  })
})

function csvCell(v: string) {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}
