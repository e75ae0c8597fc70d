// A refused roster's rows as a table: the server names each problem as the field `rows.<row>.<column>`
// (its Chinese sentence) and `rowCodes.<row>.<column>` (its code). Chinese shows the server's
// sentence as it is; English renders the sentence from the code, so a visitor reading English is
// not left with 「身份证号校验位不符」. A code this version does not know falls back to the sentence.
import type { GuideLang } from '@cloud/contracts/exhibit'
import { readRowCode, ROSTER_COLUMNS, type RosterProblemCode } from '@cloud/contracts/groups'

export interface RowProblem {
  row: number
  column: string
  message: string
  code?: RosterProblemCode
  firstRow?: number
}

export function rowProblems(fields: Record<string, string> | undefined): RowProblem[] {
  const all = fields ?? {}
  return Object.entries(all)
    .map(([key, message]): RowProblem | null => {
      const m = /^rows\.(\d+)\.(.+)$/.exec(key)
      if (!m) return null
      const problem: RowProblem = { row: Number(m[1]), column: m[2], message }
      const coded = readRowCode(all[`rowCodes.${m[1]}.${m[2]}`])
      return coded ? { ...problem, ...coded } : problem
    })
    .filter((p): p is RowProblem => p !== null)
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
}

const COLUMN_EN: Record<string, string> = { [ROSTER_COLUMNS.name]: 'Name', [ROSTER_COLUMNS.id]: 'ID number', [ROSTER_COLUMNS.kind]: 'Type' }

const PROBLEM_EN: Record<RosterProblemCode, string> = {
  NAME_MISSING: 'The name is missing.',
  NAME_INVALID: 'The name should be 2–40 Chinese characters or letters (· allowed).',
  ID_MISSING: 'The ID number is missing.',
  ID_FORMAT: 'The ID number should be 18 characters: 17 digits, then a digit or X.',
  ID_DISTRICT: 'The first 6 digits (the district code) of the ID number are not valid.',
  ID_BIRTH_DATE: 'The date of birth in the ID number is not valid.',
  ID_CHECK_CHAR: 'The ID number\'s last character (its check digit) does not match: please check for a typing slip.',
  ID_DUPLICATE: 'The same ID number as row {first}.',
  KIND_INVALID: 'The type should be 教师 (teacher), 学生 (pupil) or 成人 (adult).',
  ID_TAKEN: 'This person is already booked that day; one booking per ID per day.',
}

/** The column and the problem as the visitor reads them. */
export function rowProblemText(p: RowProblem, lang: GuideLang): { column: string; message: string } {
  if (lang !== 'en') return { column: p.column, message: p.message }
  const message = p.code ? PROBLEM_EN[p.code].replace('{first}', String(p.firstRow ?? '?')) : p.message
  return { column: COLUMN_EN[p.column] ?? p.column, message }
}
