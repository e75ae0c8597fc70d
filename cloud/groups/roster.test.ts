import ExcelJS from 'exceljs'
import { DEFAULT_GROUP_RULES, ROSTER_HEADERS } from '../contracts/groups'
import { bj } from '../testing/booking'
import { groupMemberId, memberName, rosterXlsx, schoolRoster, withWrongCheckChar } from '../testing/roster'
import { xlsxBomb } from '../testing/xlsx-bomb'
import { checkRosterRules, readRoster, rosterTemplate } from './roster'

const today = bj('2026-11-26 10:00')

describe('reading a group roster', () => {
  it('reads a valid 120-row school roster: names, normalised IDs, kinds and counts', async () => {
    const lines = schoolRoster(114, 6)
    const res = await readRoster({ name: 'class.xlsx', data: await rosterXlsx(lines) }, today)
    expect(res.ok).toBe(true)
    if (!res.ok || 'rowErrors' in res.data) throw new Error('expected a roster')
    expect(res.data.people).toHaveLength(120)
    expect(res.data.people[0]).toMatchObject({ row: 2, name: lines[0].name, idNumber: lines[0].id, kind: 'teacher' })
    expect(res.data.counts).toEqual({ teachers: 6, students: 114, adults: 0 })
  })

  it('names every bad row with its sheet row number and the reason, and accepts none of them', async () => {
    const lines = schoolRoster(114, 6)
    lines[10] = { ...lines[10], id: withWrongCheckChar(lines[10].id) } // sheet row 12
    lines[40] = { ...lines[40], name: '' } // row 42
    lines[50] = { ...lines[50], id: lines[3].id } // row 52, same ID as row 5
    lines[60] = { ...lines[60], kind: '家长' } // row 62
    lines[70] = { ...lines[70], id: groupMemberId(70, '20151301') } // row 72: month 13
    lines[80] = { ...lines[80], id: '2102112015' } // row 82: too short
    const res = await readRoster({ name: 'class.xlsx', data: await rosterXlsx(lines) }, today)
    expect(res.ok).toBe(true)
    if (!res.ok || !('rowErrors' in res.data)) throw new Error('expected row errors')
    const byRow = Object.fromEntries(res.data.rowErrors.map((e) => [e.row, `${e.column}：${e.message}`]))
    expect(byRow[12]).toBe('身份证号：身份证号校验位不符')
    expect(byRow[42]).toBe('姓名：缺少姓名')
    expect(byRow[52]).toBe('身份证号：与第 5 行身份证号重复')
    expect(byRow[62]).toBe('类型：类型应为 教师、学生 或 成人')
    expect(byRow[72]).toMatch(/^身份证号：身份证号中的出生日期不正确/)
    expect(byRow[82]).toMatch(/^身份证号：身份证号应为18位/)
    expect(Object.keys(byRow).map(Number).sort((a, b) => a - b)).toEqual([12, 42, 52, 62, 72, 82])
    // Each problem carries a code the app renders in the visitor's language.
    expect(Object.fromEntries(res.data.rowErrors.map((e) => [e.row, e.firstRow ? `${e.code}:${e.firstRow}` : e.code]))).toEqual({
      12: 'ID_CHECK_CHAR',
      42: 'NAME_MISSING',
      52: 'ID_DUPLICATE:5',
      62: 'KIND_INVALID',
      72: 'ID_BIRTH_DATE',
      82: 'ID_FORMAT',
    })
  })

  it('refuses a sheet without the template’s headers', async () => {
    const res = await readRoster({ name: 'x.xlsx', data: await rosterXlsx(schoolRoster(10, 1), ['名字', '证件', '类型']) }, today)
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'ROSTER_HEADERS' }) })
  })

  it('refuses more than 150 data rows before parsing them, and a sheet bomb declaring a million rows', async () => {
    const big = await readRoster({ name: 'big.xlsx', data: await rosterXlsx(schoolRoster(145, 8)) }, today)
    expect(big).toEqual({ ok: false, error: expect.objectContaining({ code: 'SHEET_TOO_LARGE', message: expect.stringContaining('150') }) })
    const bombFile = xlsxBomb({ rows: 1_000_000, headers: ROSTER_HEADERS })
    const bomb = await readRoster({ name: 'bomb.xlsx', data: bombFile }, today)
    // Refused from the row count it declares, before anything is inflated (timings: bench:import).
    expect(bomb).toEqual({ ok: false, error: expect.objectContaining({ code: 'SHEET_TOO_LARGE', message: expect.stringContaining('150') }) })
    const lying = await readRoster({ name: 'bomb.xlsx', data: xlsxBomb({ rows: 200_000, dimension: 'A1:C3', refs: false, headers: ROSTER_HEADERS }) }, today)
    expect(lying.ok).toBe(false)
  })

  it('refuses a file that is not a spreadsheet', async () => {
    const res = await readRoster({ name: 'x.xlsx', data: Buffer.from('not a zip') }, today)
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'SHEET_UNREADABLE' }) })
  })

  it('the template is a workbook with exactly the header row, the ID column formatted as text', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rosterTemplate()) as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.getRow(1).values).toEqual([undefined, ...ROSTER_HEADERS])
    expect(sheet.rowCount).toBe(1)
    expect(sheet.getColumn(2).numFmt).toBe('@')
  })
})

describe('the group rules: size and the teacher-to-pupil ratio', () => {
  const rules = DEFAULT_GROUP_RULES
  it('accepts 10 to 150 people with one teacher per 20 pupils (rounded up)', () => {
    expect(checkRosterRules({ teachers: 1, students: 9, adults: 0 }, rules)).toBeNull()
    expect(checkRosterRules({ teachers: 6, students: 114, adults: 0 }, rules)).toBeNull()
    expect(checkRosterRules({ teachers: 0, students: 0, adults: 12 }, rules)).toBeNull()
    expect(checkRosterRules({ teachers: 8, students: 142, adults: 0 }, rules)).toBeNull()
  })
  it('refuses too few, too many, and too few teachers — saying how many are needed', () => {
    expect(checkRosterRules({ teachers: 1, students: 8, adults: 0 }, rules)?.code).toBe('GROUP_TOO_SMALL')
    expect(checkRosterRules({ teachers: 8, students: 143, adults: 0 }, rules)?.code).toBe('GROUP_TOO_LARGE')
    const ratio = checkRosterRules({ teachers: 5, students: 101, adults: 0 }, rules)
    expect(ratio).toEqual({ code: 'RATIO', message: '101 名学生至少需要 6 名带队教师（每 20 名学生 1 名），名单中有 5 名' })
    // A setting of its own: one teacher per 10.
    expect(checkRosterRules({ teachers: 2, students: 21, adults: 0 }, { ...rules, pupilsPerTeacher: 10 })?.code).toBe('RATIO')
  })
})

it('memberName and groupMemberId make distinct valid people', () => {
  expect(new Set(Array.from({ length: 150 }, (_, i) => memberName(i))).size).toBe(150)
  expect(groupMemberId(1)).toMatch(/^\d{17}[\dX]$/)
})
