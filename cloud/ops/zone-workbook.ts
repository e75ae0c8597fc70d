// The zone lists as the import's own spreadsheet: the export of the current companies or policies
// (read back by the import, it changes nothing) and the empty template, each with a second sheet
// that explains the columns. The first sheet is the one the import reads.
import { COMPANY_COLUMNS, POLICY_COLUMNS, type ImportKind, type Row } from '../zone/import'

const COLUMNS = { companies: COMPANY_COLUMNS, policies: POLICY_COLUMNS } as const
const TITLE = { companies: '企业名录', policies: '政策库' } as const

export async function zoneWorkbook(kind: ImportKind, rows: Row[]): Promise<Buffer> {
  // Loaded on use (as in roster.ts): only the export and template actions need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const columns = COLUMNS[kind]
  const sheet = workbook.addWorksheet(TITLE[kind])
  sheet.columns = columns.map(([name]) => ({ header: name, key: name, width: Math.max(10, Math.min(40, name.length * 3)) }))
  sheet.getRow(1).font = { bold: true }
  // Every cell is written as text, so a date or a number reads back exactly as it was stored.
  for (const r of rows) sheet.addRow(Object.fromEntries(columns.map(([name]) => [name, r[name] ?? ''])))
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const help = workbook.addWorksheet('填写说明')
  help.columns = [
    { header: '列名', key: 'name', width: 18 },
    { header: '说明', key: 'doc', width: 100 },
  ]
  help.getRow(1).font = { bold: true }
  for (const [name, , doc] of columns) help.addRow({ name, doc })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const zoneFileName = (kind: ImportKind, what: 'export' | 'template', day: string) =>
  what === 'template' ? `${TITLE[kind]}-导入模板.xlsx` : `${TITLE[kind]}-${day}.xlsx`
