import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/store/sqlite'
import { readCompanies, readPolicies } from '../cloud/zone/seed'
import { importZoneFile } from './import-zone'
import { readSheet } from '../cloud/zone/spreadsheet'

// Each read starts a worker that loads exceljs: seconds on a busy machine.
jest.setTimeout(30_000)

const TEMPLATES = path.resolve(__dirname, '..', 'data', 'templates')
let dir: string
let dbFile: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-import-'))
  dbFile = path.join(dir, 'db.sqlite')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

async function xlsx(name: string, headers: string[], rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('企业')
  ws.addRow(headers)
  for (const r of rows) ws.addRow(r)
  const file = path.join(dir, name)
  await wb.xlsx.writeFile(file)
  return file
}

async function sheetOf(file: string) {
  const read = await readSheet({ name: file, data: fs.readFileSync(file) })
  if (!read.ok) throw new Error(read.error.message)
  return read.data
}

async function companiesIn(file: string) {
  const store = openSqliteStore(file)
  try {
    return await store.zone.listCompanies()
  } finally {
    await store.close()
  }
}

test('the template files import cleanly and reproduce the seed data', async () => {
  const c = await importZoneFile(path.join(TEMPLATES, 'companies.csv'), dbFile)
  expect(c).toEqual({ ok: true, lines: [`已导入企业 ${readCompanies().length} 家（替换原有企业名录）。`] })
  const p = await importZoneFile(path.join(TEMPLATES, 'policies.csv'), dbFile)
  expect(p.ok).toBe(true)
  const store = openSqliteStore(dbFile)
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id))
  expect(byId(await store.zone.listCompanies())).toEqual(byId(readCompanies()))
  expect(byId(await store.zone.listPolicies())).toEqual(byId(readPolicies()))
  await store.close()
})

test('an .xlsx with bad rows reports every problem by row, in Chinese, and imports nothing', async () => {
  const { headers, rows } = await sheetOf(path.join(TEMPLATES, 'companies.csv'))
  const good = headers.map((h) => rows[0][h])
  const col = (name: string) => headers.indexOf(name)
  const bad1 = [...good]
  bad1[col('企业编号')] = 'New Co'
  bad1[col('行业')] = '房地产'
  const bad2 = [...good]
  bad2[col('企业名称')] = ''
  bad2[col('资质')] = '高新技术企业、独角兽'
  bad2[col('展品编号')] = 'no-such-exhibit'
  bad2[col('成立日期')] = '2020/1/1'
  const dup = [...good]
  const file = await xlsx('companies.xlsx', headers, [good, bad1, bad2, dup])

  const before = await companiesIn(dbFile) // seeded on open by the import; empty here
  const res = await importZoneFile(file, dbFile)
  expect(res.ok).toBe(false)
  expect(res.lines[0]).toMatch(/企业表有 \d+ 处问题，未导入任何数据/)
  expect(res.lines.slice(1)).toEqual([
    '第3行「企业编号」：企业编号只能用小写字母、数字和连字符',
    expect.stringMatching(/^第3行「行业」：行业只能是：信息技术/),
    '第4行「展品编号」：展品 no-such-exhibit 不存在',
    '第4行「企业名称」：企业名称至少2个字',
    expect.stringMatching(/^第4行「资质」：资质只能是：/),
    '第4行「成立日期」：日期格式应为 YYYY-MM-DD',
    '第4行「企业编号」：企业编号 mingyun 与第2行重复',
    '第5行「企业编号」：企业编号 mingyun 与第2行重复',
  ])
  // Nothing was replaced: the store still holds the seeded names, not a partial import.
  expect((await companiesIn(dbFile)).map((c) => c.id).sort()).toEqual(readCompanies().map((c) => c.id).sort())
  expect(before).toEqual([])
})

test('policy rows: bad rule JSON, an unknown rule, dates out of order, a missing column', async () => {
  const { headers, rows } = await sheetOf(path.join(TEMPLATES, 'policies.csv'))
  const good = headers.map((h) => rows[0][h])
  const col = (name: string) => headers.indexOf(name)
  const badJson = [...good]
  badJson[col('政策编号')] = 'p-json'
  badJson[col('匹配规则')] = '[{type:'
  const badRule = [...good]
  badRule[col('政策编号')] = 'p-rule'
  badRule[col('匹配规则')] = JSON.stringify([{ type: 'inZone', label: '在区内', missing: '需在区内' }, { type: 'min', field: 'height', value: 1, label: 'a', missing: 'b' }])
  const dates = [...good]
  dates[col('政策编号')] = 'p-dates'
  dates[col('申报开始')] = '2026-09-01'
  dates[col('申报截止')] = '2026-01-01'
  const amount = [...good]
  amount[col('政策编号')] = 'p-amount'
  amount[col('最高金额（万元）')] = '五十'
  const res = await importZoneFile(await xlsx('policies.xlsx', headers, [good, badJson, badRule, dates, amount]), dbFile)
  expect(res.lines.slice(1)).toEqual([
    '第3行「匹配规则」：不是有效的 JSON',
    '第4行「匹配规则」：第2条规则有误：field不正确',
    '第5行「申报截止」：申报截止早于申报开始',
    '第6行「最高金额（万元）」：应为数字',
  ])

  const noTitle = await xlsx('p2.xlsx', headers.filter((h) => h !== '发文单位'), [good.filter((_, i) => headers[i] !== '发文单位')])
  expect((await importZoneFile(noTitle, dbFile)).lines).toEqual(['政策表有 1 处问题，未导入任何数据：', '第1行「发文单位」：缺少列“发文单位”'])
})

test('unknown files and sheets are refused with a way forward', async () => {
  expect((await importZoneFile(path.join(dir, 'nope.csv'), dbFile)).lines[0]).toMatch(/找不到文件/)
  const other = await xlsx('other.xlsx', ['名称', '数量'], [['a', '1']])
  expect((await importZoneFile(other, dbFile)).lines[0]).toMatch(/无法识别表格类型.*data\/templates/)
})
