// The audit as a person reads it: names, weekdays and role labels in words, only what changed.
import { changeLines, describeAudit, diffFields } from './audit-view'
import type { AuditEntry } from './ops'

const entry = (e: Partial<AuditEntry>): AuditEntry => ({ id: 'x', at: '2026-11-27T03:00:00.000Z', account: 'chief', role: 'admin', action: 'console.saveNotice', target: 't', ...e })

test('a notice entry names the notice by its title and shows only the changed fields, in Chinese', () => {
  const before = { id: 'n-6af288d936ae', title: '台风闭馆', body: '闭馆两天', priority: 10, published: false, updatedAt: '2026-11-26T00:00:00Z' }
  const after = { ...before, priority: 50, published: true, updatedAt: '2026-11-27T03:00:00Z' }
  const v = describeAudit(entry({ target: 'n-6af288d936ae', before, after }), { accounts: { chief: '王馆长' } })
  expect(v.targetLabel).toBe('台风闭馆（n-6af288d936ae）')
  expect(v.who).toBe('王馆长（chief）')
  expect(v.roleLabel).toBe('管理员')
  expect(v.actionLabel).toBe('保存公告')
  expect(changeLines(v)).toEqual(['优先级：10 → 50', '已发布：否 → 是'])
})

test('a role change reads as role labels under the account’s name; a weekday template as 周六', () => {
  const v = describeAudit(
    entry({ action: 'accounts.update', target: 'qianqi', before: { username: 'qianqi', name: '钱七', role: 'staff' }, after: { username: 'qianqi', name: '钱七', role: 'zone_editor' } }),
  )
  expect(v.targetLabel).toBe('钱七（qianqi）')
  expect(changeLines(v)).toEqual(['角色：入口核验 → 园区数据编辑'])
  const t = describeAudit(entry({ action: 'console.saveSessionTemplates', target: '6', before: null, after: [{ key: 'am', name: '上午场' }] }))
  expect(t.targetLabel).toBe('周六')
  expect(changeLines(t)).toEqual(['内容：（空） → 上午场'])
  expect(describeAudit(entry({ action: 'console.saveSessionTemplates', target: '0' })).targetLabel).toBe('周日')
})

test('an import entry shows the added / changed / removed counts and names, and each changed column', () => {
  const v = describeAudit(
    entry({
      action: 'console.importZone',
      target: 'companies',
      before: { records: [] },
      after: {
        fileName: '企业.xlsx',
        mode: 'merge',
        added: [{ id: 'a', name: '新企业' }],
        changed: [{ id: 'h', name: '海天兴业', fields: [{ column: '简介', before: '旧', after: '新' }] }],
        removed: [],
      },
    }),
  )
  expect(v.targetLabel).toBe('企业名录')
  expect(v.summary).toBe('方式：合并；文件：企业.xlsx；新增 1 条：新企业；修改 1 条：海天兴业；删除 0 条')
  expect(v.changes).toEqual([{ field: '海天兴业·简介', before: '旧', after: '新' }])
})

test('a created record lists its fields against nothing; an unchanged save lists nothing', () => {
  expect(diffFields(null, { name: '赵六', disabled: false })).toEqual([
    { field: '名称', before: '（空）', after: '赵六' },
    { field: '停用', before: '（空）', after: '否' },
  ])
  expect(diffFields({ a: 1 }, { a: 1 })).toEqual([])
})

test('an exhibit’s photo or audio entry names the exhibit (and the guide’s language), not only its code', () => {
  const names = { exhibits: { helmet: '智能安全帽' } }
  expect(describeAudit(entry({ action: 'console.uploadPhoto', target: 'helmet', before: { image: 'a.jpg' }, after: { image: 'b.jpg' } }), names).targetLabel).toBe('智能安全帽（helmet）')
  expect(describeAudit(entry({ action: 'console.decideAudio', target: 'helmet.en', before: { url: 'x' }, after: null }), names).targetLabel).toBe('智能安全帽 · 英文讲解（helmet）')
  expect(describeAudit(entry({ action: 'console.uploadAudio', target: 'gone.zh' }), names).targetLabel).toBe('gone · 中文讲解')
})

test('a booking’s status reads as the visitor sees it (待参观 → 已取消), not its code', () => {
  const who = { name: '观众甲', sessionId: '2026-11-28.am', places: 1 }
  const v = describeAudit(entry({ action: 'console.cancelBooking', target: 'b1', before: { ...who, status: 'confirmed' }, after: { ...who, status: 'cancelled', reason: '团队包场' } }), {})
  expect(changeLines(v)).toEqual(['状态：待参观 → 已取消', '原因：（空） → 团队包场'])
})

test('a group head count at the gate reads as the organisation and the heads counted in, in words', () => {
  const v = describeAudit(entry({ action: 'groups.countIn', role: 'staff', target: 'AbCdEfGh12345678', before: { organisation: '第一小学', checkedIn: 70 }, after: { organisation: '第一小学', checkedIn: 120, count: 50 } }))
  expect(v.actionLabel).toBe('团体入馆清点')
  expect(changeLines(v)).toEqual(['已入馆：70 → 120', '本次入馆：（空） → 50'])
})
