// The one way the console's downloads become an .xlsx: named sheets of columns and rows, a bold
// header row, widths in characters. Every builder (roster, audit log, day report, zone lists) states
// only its columns and rows, so a change of convention (a frozen header, a font) is made once.
import type { Workbook } from 'exceljs'

export interface SheetColumn {
  header: string
  key: string
  /** In characters, as Excel measures a column. */
  width: number
  /** Multi-line cells (an audit entry's changes): wrapped and top-aligned in the data rows. */
  wrap?: boolean
}

export interface SheetSpec {
  name: string
  columns: readonly SheetColumn[]
  rows: readonly Record<string, unknown>[]
  /** Keeps the header row in view while scrolling a long list. */
  freezeHeader?: boolean
  /** A last row in bold under the data (the day report's 合计). */
  total?: Record<string, unknown>
}

export async function sheetWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  // Loaded on use, like sharp (and with require for the same reason): only the download actions need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const workbook: Workbook = new ExcelJS.Workbook()
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name)
    sheet.columns = spec.columns.map(({ header, key, width }) => ({ header, key, width }))
    sheet.getRow(1).font = { bold: true }
    const wrapped = spec.columns.filter((c) => c.wrap).map((c) => c.key)
    for (const r of spec.rows) {
      const row = sheet.addRow(r)
      for (const key of wrapped) row.getCell(key).alignment = { wrapText: true, vertical: 'top' }
    }
    if (spec.total) sheet.addRow(spec.total).font = { bold: true }
    if (spec.freezeHeader) sheet.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
