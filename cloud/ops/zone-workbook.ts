// The zone lists as the import's own spreadsheet: the export of the current companies or policies
// (read back by the import, it changes nothing) and the empty template, each with a second sheet
// that explains the columns. The first sheet is the one the import reads.
import { COMPANY_COLUMNS, POLICY_COLUMNS, type ImportKind, type Row } from '../zone/import'
import { sheetWorkbook } from './sheet-workbook'

const COLUMNS = { companies: COMPANY_COLUMNS, policies: POLICY_COLUMNS } as const
const TITLE = { companies: '企业名录', policies: '政策库' } as const

export function zoneWorkbook(kind: ImportKind, rows: Row[]): Promise<Buffer> {
  const columns = COLUMNS[kind]
  return sheetWorkbook([
    {
      name: TITLE[kind],
      columns: columns.map(([name]) => ({ header: name, key: name, width: Math.max(10, Math.min(40, name.length * 3)) })),
      // Every cell is written as text, so a date or a number reads back exactly as it was stored.
      rows: rows.map((r) => Object.fromEntries(columns.map(([name]) => [name, r[name] ?? '']))),
      freezeHeader: true,
    },
    {
      name: '填写说明',
      columns: [
        { header: '列名', key: 'name', width: 18 },
        { header: '说明', key: 'doc', width: 100 },
      ],
      rows: columns.map(([name, , doc]) => ({ name, doc })),
    },
  ])
}

export const zoneFileName = (kind: ImportKind, what: 'export' | 'template', day: string) =>
  what === 'template' ? `${TITLE[kind]}-导入模板.xlsx` : `${TITLE[kind]}-${day}.xlsx`
