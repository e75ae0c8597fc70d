// Reads the first sheet of an .xlsx or .csv file into header → text rows (exceljs, server-side only).
import ExcelJS from 'exceljs'
import path from 'node:path'

export interface Sheet {
  headers: string[]
  rows: Array<Record<string, string>>
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return text(value.result as ExcelJS.CellValue)
    return ''
  }
  return String(value)
}

export async function readSheet(file: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook()
  const ext = path.extname(file).toLowerCase()
  let sheet: ExcelJS.Worksheet
  if (ext === '.csv') {
    // Keep every cell as the operator typed it: no automatic dates or numbers.
    sheet = await workbook.csv.readFile(file, { map: (v: unknown) => v, parserOptions: { trim: false } } as never)
  } else if (ext === '.xlsx') {
    await workbook.xlsx.readFile(file)
    sheet = workbook.worksheets[0]
  } else {
    throw new Error(`不支持的文件类型 ${ext}，请使用 .xlsx 或 .csv`)
  }
  if (!sheet) throw new Error('文件中没有工作表')
  const all: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = text(cell.value)
    })
    all[n - 1] = Array.from(cells, (c) => c ?? '')
  })
  const [head = [], ...body] = Array.from(all, (r) => r ?? [])
  const headers = head.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim())
  // Trailing empty rows are not data; empty rows in the middle are reported as rows.
  while (body.length && body[body.length - 1].every((c) => !c.trim())) body.pop()
  const rows = body.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])))
  return { headers, rows }
}
