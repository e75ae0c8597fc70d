import { rowProblems, rowProblemText } from './row-errors'

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

describe('a row problem in the visitor’s language', () => {
  const fields = {
    'rows.12.身份证号': '身份证号校验位不符',
    'rowCodes.12.身份证号': 'ID_CHECK_CHAR',
    'rows.52.身份证号': '与第 5 行身份证号重复',
    'rowCodes.52.身份证号': 'ID_DUPLICATE:5',
    'rows.62.类型': '类型应为 教师、学生 或 成人',
    'rowCodes.62.类型': 'KIND_INVALID',
    'rows.7.身份证号': '张三（2102**********123X）当天已有预约，同一证件每天只能预约一次',
    'rowCodes.7.身份证号': 'ID_TAKEN',
    'rows.9.姓名': '缺少姓名',
    'rowCodes.9.姓名': 'SOMETHING_NEWER',
  }
  const problems = rowProblems(fields)

  it('English: every sentence and column from the code, no Chinese sentence left', () => {
    const en = problems.map((p) => ({ row: p.row, ...rowProblemText(p, 'en') }))
    expect(en).toEqual([
      { row: 7, column: 'ID number', message: 'This person is already booked that day; one booking per ID per day.' },
      // A code this version does not know: the server's sentence rather than nothing.
      { row: 9, column: 'Name', message: '缺少姓名' },
      { row: 12, column: 'ID number', message: expect.stringContaining('check digit') },
      { row: 52, column: 'ID number', message: 'The same ID number as row 5.' },
      { row: 62, column: 'Type', message: 'The type should be 教师 (teacher), 学生 (pupil) or 成人 (adult).' },
    ])
    for (const p of en.filter((x) => x.row !== 9)) expect(p.message).not.toMatch(/身份证号|预约|重复|类型应为/)
  })

  it('Chinese: the server’s sentence and column as they are', () => {
    expect(problems.map((p) => rowProblemText(p, 'zh'))).toEqual(problems.map((p) => ({ column: p.column, message: p.message })))
    expect(rowProblemText(problems[2], 'zh')).toEqual({ column: '身份证号', message: '身份证号校验位不符' })
  })
})
