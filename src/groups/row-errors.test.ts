import { rowProblems } from './row-errors'

test('turns the server’s row fields into table rows, in sheet order, ignoring other fields', () => {
  expect(
    rowProblems({ 'rows.104.身份证号': '身份证号校验位不符', 'rows.13.姓名': '缺少姓名', 'rows.13.身份证号': '身份证号校验位不符', creditCode: 'x' }),
  ).toEqual([
    { row: 13, column: '姓名', message: '缺少姓名' },
    { row: 13, column: '身份证号', message: '身份证号校验位不符' },
    { row: 104, column: '身份证号', message: '身份证号校验位不符' },
  ])
  expect(rowProblems(undefined)).toEqual([])
})
