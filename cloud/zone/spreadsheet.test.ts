// The spreadsheet reader against hostile files: what a file declares is refused before any parse,
// what it hides is refused by the worker's counts and limits, and every refusal is a Result with a
// code and a Chinese message — this process carries on and reads the next file.
import ExcelJS from 'exceljs'
import { readSheet } from './spreadsheet'
import { DEFAULT_SHEET_LIMITS, sheetLimitsFrom, type SheetLimits } from './sheet-limits'
import { xlsxBomb } from '../testing/xlsx-bomb'

jest.setTimeout(60_000)

async function workbook(rows: number, columns = ['企业名称', '行业']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('企业')
  ws.addRow(columns)
  for (let i = 0; i < rows; i++) ws.addRow(columns.map((c) => `${c}${i}`))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const small: SheetLimits = sheetLimitsFrom({ IMPORT_MAX_ROWS: '50' })
const read = (name: string, data: Buffer, limits?: SheetLimits) => readSheet({ name, data }, limits)

describe('limits', () => {
  it('default to 20,000 rows; IMPORT_MAX_ROWS and IMPORT_HEAP_MB change them, nonsense keeps the default', () => {
    expect(DEFAULT_SHEET_LIMITS.maxRows).toBe(20_000)
    expect(sheetLimitsFrom({})).toEqual(DEFAULT_SHEET_LIMITS)
    expect(sheetLimitsFrom({ IMPORT_MAX_ROWS: '500', IMPORT_HEAP_MB: '200' })).toMatchObject({ maxRows: 500, heapMb: 200 })
    expect(sheetLimitsFrom({ IMPORT_MAX_ROWS: '-1', IMPORT_HEAP_MB: 'lots' })).toEqual(DEFAULT_SHEET_LIMITS)
  })
})

describe('a spreadsheet bomb', () => {
  it('that declares 1.5 million rows is refused from its <dimension> at once, without parsing', async () => {
    const bomb = xlsxBomb({ rows: 1_500_000 })
    const res = await read('companies.xlsx', bomb)
    // The row-count refusal comes from <dimension>, read before anything is inflated (an inflated
    // sheet is refused by its size instead, below). Parsing it took seconds and gigabytes; how long
    // the refusal takes is measured by `npm run bench:import`, not asserted on a shared machine.
    expect(res).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 20000 行' } })
  })

  it('that hides its rows behind a small <dimension> is refused by what it declares to inflate to', async () => {
    const res = await read('companies.xlsx', xlsxBomb({ rows: 1_500_000, dimension: 'A1:B2' }))
    expect(res).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：解压后最多 64 MB' } })
  })

  it('shaped like the ones that stalled the service (1.5 million unnumbered rows in under 100 KB, no <dimension>) is refused by the rows the worker counts', async () => {
    const bomb = xlsxBomb({ rows: 1_500_000, refs: false, dimension: 'none' })
    expect(bomb.length).toBeLessThan(100 * 1024)
    expect(await read('companies.xlsx', bomb)).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 20000 行' } })
  })

  it('that hides its rows within the byte limit is refused by the rows the worker counts', async () => {
    const res = await read('companies.xlsx', xlsxBomb({ rows: 200_000, dimension: 'none' }))
    expect(res).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 20000 行' } })
  })

  it('whose zip headers claim small sizes is stopped at the size it claimed', async () => {
    const res = await read('companies.xlsx', xlsxBomb({ rows: 1_500_000, dimension: 'A1:B2', claimedEntryBytes: 2_000 }))
    expect(res).toEqual({ ok: false, error: { code: 'SHEET_UNREADABLE', message: '无法读取文件，请上传 .xlsx 或 .csv 表格' } })
  })

  it('as a CSV of more records than the limit is refused; quoted line breaks are not records', async () => {
    const many = Buffer.from(['企业名称,行业', ...Array.from({ length: 51 }, (_, i) => `公司${i},软件`)].join('\n'))
    expect(await read('companies.csv', many, small)).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 50 行' } })
    const quoted = Buffer.from(['企业名称,简介', ...Array.from({ length: 50 }, (_, i) => `公司${i},"第一行\n第二行"`)].join('\r\n'))
    const res = await read('companies.csv', quoted, small)
    expect(res.ok && res.data.rows.length).toBe(50)
    expect(res.ok && res.data.rows[0]).toEqual({ 企业名称: '公司0', 简介: '第一行\n第二行' })
  })
})

describe('the row limit', () => {
  it('lets exactly the limit through and refuses one more, in Chinese, with the limit', async () => {
    const at = await read('companies.xlsx', await workbook(50), small)
    expect(at.ok && at.data.rows.length).toBe(50)
    expect(at.ok && at.data.rows[49]).toEqual({ 企业名称: '企业名称49', 行业: '行业49' })
    expect(await read('companies.xlsx', await workbook(51), small)).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 50 行' } })
  })
})

describe('the worker', () => {
  it('running out of its heap is a refusal, and the next file reads normally', async () => {
    const file = await workbook(20_000, ['企业名称', '行业', '简介', '地址', '网址'])
    const res = await read('companies.xlsx', file, { ...DEFAULT_SHEET_LIMITS, heapMb: 16 })
    expect(res).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大或过于复杂，无法读取：请拆分为每份不超过 20000 行后重试' } })
    const next = await read('companies.xlsx', await workbook(3))
    expect(next.ok && next.data.rows).toHaveLength(3)
  })

  it('taking longer than its time limit is stopped and refused', async () => {
    const res = await read('companies.xlsx', await workbook(2_000), { ...DEFAULT_SHEET_LIMITS, timeLimitMs: 1 })
    expect(res).toMatchObject({ ok: false, error: { code: 'SHEET_TOO_LARGE' } })
  })

  it('reads one file at a time: a second at once is asked to wait, not queued behind it', async () => {
    const file = await workbook(200)
    const [first, second] = await Promise.all([read('a.xlsx', file), read('b.xlsx', file)])
    expect(first.ok).toBe(true)
    expect(second).toEqual({ ok: false, error: { code: 'SHEET_BUSY', message: '另一份表格正在读取，请稍后再试' } })
  })
})

describe('files that are not spreadsheets', () => {
  it.each([
    ['garbage named .xlsx', 'x.xlsx', Buffer.from('not a zip at all')],
    ['an empty .xlsx', 'x.xlsx', Buffer.alloc(0)],
    ['a zip without a workbook', 'x.xlsx', Buffer.from('PK\u0005\u0006' + '\u0000'.repeat(18), 'latin1')],
    ['another file type', 'x.txt', Buffer.from('企业名称\n公司')],
  ])('%s is SHEET_UNREADABLE', async (_what, name, data) => {
    expect(await read(name, data)).toEqual({ ok: false, error: { code: 'SHEET_UNREADABLE', message: '无法读取文件，请上传 .xlsx 或 .csv 表格' } })
  })
})
