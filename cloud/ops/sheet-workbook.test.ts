// What every console download shares, read back from the file an operator opens: the sheets in
// order with their names, a bold header with the stated widths, the rows under their columns,
// wrapped multi-line cells, a bold total row and a frozen header where a builder asks for them.
import ExcelJS from 'exceljs'
import { sheetWorkbook } from './sheet-workbook'

async function readBack(file: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(file as unknown as ArrayBuffer)
  return book
}

test('sheets, headers, widths and rows read back as stated', async () => {
  const file = await sheetWorkbook([
    {
      name: '2026-12-08 名单',
      columns: [
        { header: '姓名', key: 'name', width: 12 },
        { header: '改动', key: 'changes', width: 40, wrap: true },
        { header: '人数', key: 'n', width: 8 },
      ],
      rows: [
        { name: '张三', changes: '容量 200 → 180\n名称 上午 → 上午场', n: 3, ignored: 'not a column' },
        { name: '=1+2', n: 0 },
      ],
      total: { name: '合计', n: 3 },
      freezeHeader: true,
    },
    { name: '填写说明', columns: [{ header: '列名', key: 'name', width: 18 }], rows: [{ name: '企业名称' }] },
  ])

  const book = await readBack(file)
  expect(book.worksheets.map((s) => s.name)).toEqual(['2026-12-08 名单', '填写说明'])
  const sheet = book.worksheets[0]
  expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '改动', '人数'])
  expect(sheet.getRow(1).font?.bold).toBe(true)
  expect([1, 2, 3].map((c) => sheet.getColumn(c).width)).toEqual([12, 40, 8])
  expect(sheet.getRow(2).values).toEqual([undefined, '张三', '容量 200 → 180\n名称 上午 → 上午场', 3])
  expect(sheet.getRow(2).getCell(2).alignment).toEqual({ wrapText: true, vertical: 'top' })
  // Text that looks like a formula stays text.
  expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String)
  expect(sheet.getRow(3).getCell(1).value).toBe('=1+2')
  expect(sheet.getRow(4).values).toEqual([undefined, '合计', undefined, 3])
  expect(sheet.getRow(4).font?.bold).toBe(true)
  expect(sheet.rowCount).toBe(4)
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })

  const help = book.worksheets[1]
  expect(help.getRow(1).font?.bold).toBe(true)
  expect(help.getRow(2).values).toEqual([undefined, '企业名称'])
  // Nothing frozen where the builder did not ask for it.
  expect(help.views?.[0]?.state ?? 'normal').toBe('normal')
})
