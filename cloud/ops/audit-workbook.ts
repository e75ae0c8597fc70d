// The audit log as an Excel file: the same words the console shows (cloud/contracts/audit-view.ts).
import { changeLines, describeAudit, type AuditNames } from '../contracts/audit-view'
import type { AuditEntry } from '../contracts/ops'
import { beijingText } from '../booking/time'
import { sheetWorkbook } from './sheet-workbook'

export function auditWorkbook(entries: AuditEntry[], names: AuditNames): Promise<Buffer> {
  return sheetWorkbook([
    {
      name: '操作日志',
      columns: [
        { header: '时间（北京）', key: 'at', width: 18 },
        { header: '操作人', key: 'who', width: 22 },
        { header: '角色', key: 'role', width: 12 },
        { header: '操作', key: 'action', width: 16 },
        { header: '对象', key: 'target', width: 30 },
        { header: '改动（旧 → 新）', key: 'changes', width: 80, wrap: true },
      ],
      rows: entries.map((e) => {
        const v = describeAudit(e, names)
        return { at: beijingText(v.at), who: v.who, role: v.roleLabel, action: v.actionLabel, target: v.targetLabel, changes: changeLines(v).join('\n') }
      }),
    },
  ])
}
