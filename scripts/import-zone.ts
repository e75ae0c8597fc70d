// npm run import -- <file.xlsx|csv>: validates every row of a companies or policies spreadsheet
// (the kind is told by its columns) and replaces that list in the database — or, when any row is
// wrong, lists every problem by row and imports nothing.
import fs from 'node:fs'
import { loadConfig } from '../cloud/runtime/config'
import { openSqliteStore } from '../cloud/store/sqlite'
import { seedIfEmpty } from '../cloud/store/seed'
import { detectKind, formatRowError, parseCompanyRows, parsePolicyRows } from '../cloud/zone/import'
import { readSheet } from '../cloud/zone/spreadsheet'
import { sheetLimitsFrom } from '../cloud/zone/sheet-limits'

export async function importZoneFile(file: string, dbFile: string): Promise<{ ok: boolean; lines: string[] }> {
  if (!fs.existsSync(file)) return { ok: false, lines: [`找不到文件：${file}`] }
  // The same checks and limits as the console's import: a file from elsewhere may be hostile too.
  if (fs.statSync(file).size > sheetLimitsFrom(process.env).maxBytes) return { ok: false, lines: ['文件过大，无法读取'] }
  const read = await readSheet({ name: file, data: fs.readFileSync(file) }, sheetLimitsFrom(process.env))
  if (!read.ok) return { ok: false, lines: [read.error.message] }
  const sheet = read.data
  const kind = detectKind(sheet.headers)
  if (!kind) return { ok: false, lines: ['无法识别表格类型：企业表需有“企业名称”列，政策表需有“政策名称”列。模板见 data/templates/'] }

  const store = openSqliteStore(dbFile)
  try {
    await seedIfEmpty(store)
    if (kind === 'companies') {
      const exhibits = new Map((await store.content.listExhibits()).map((e) => [e.code, e.name]))
      const res = parseCompanyRows(sheet.headers, sheet.rows, exhibits)
      if (!res.ok) return { ok: false, lines: [`企业表有 ${res.errors.length} 处问题，未导入任何数据：`, ...res.errors.map(formatRowError)] }
      await store.zone.replaceCompanies(res.records)
      return { ok: true, lines: [`已导入企业 ${res.records.length} 家（替换原有企业名录）。`] }
    }
    const res = parsePolicyRows(sheet.headers, sheet.rows)
    if (!res.ok) return { ok: false, lines: [`政策表有 ${res.errors.length} 处问题，未导入任何数据：`, ...res.errors.map(formatRowError)] }
    await store.zone.replacePolicies(res.records)
    return { ok: true, lines: [`已导入政策 ${res.records.length} 条（替换原有政策库）。`] }
  } finally {
    await store.close()
  }
}

async function main() {
  const file = process.argv[2]
  if (!file) {
    console.error('用法：npm run import -- <文件.xlsx|文件.csv>（模板见 data/templates/）')
    process.exit(2)
  }
  const { dbFile } = loadConfig()
  const { ok, lines } = await importZoneFile(file, dbFile)
  for (const line of lines) (ok ? console.log : console.error)(line)
  if (ok) console.log(`数据库：${dbFile}`)
  process.exit(ok ? 0 : 1)
}

if (require.main === module) void main()
