// The audit log as an Excel file: the same words the console shows (cloud/contracts/audit-view.ts).
import { changeLines, describeAudit, type AuditNames } from '../contracts/audit-view'
import type { AuditEntry } from '../contracts/ops'
import { beijingText } from '../booking/time'

export async function auditWorkbook(entries: AuditEntry[], names: AuditNames): Promise<Buffer> {
  // Loaded on use, like the roster's: only this action needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('操作日志')
  sheet.columns = [
    { header: '时间（北京）', key: 'at', width: 18 },
    { header: '操作人', key: 'who', width: 22 },
    { header: '角色', key: 'role', width: 12 },
    { header: '操作', key: 'action', width: 16 },
    { header: '对象', key: 'target', width: 30 },
    { header: '改动（旧 → 新）', key: 'changes', width: 80 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const e of entries) {
    const v = describeAudit(e, names)
    const row = sheet.addRow({ at: beijingText(v.at), who: v.who, role: v.roleLabel, action: v.actionLabel, target: v.targetLabel, changes: changeLines(v).join('\n') })
    row.getCell('changes').alignment = { wrapText: true, vertical: 'top' }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
