// How an audit entry reads to a person: names instead of ids, 周六 instead of "6", and only the fields
// that changed, each as 「字段：旧 → 新」. Pure (no Node APIs): the console renders it, the server's
// Excel export writes the same words.
import { isRole, ROLE_LABELS } from './accounts'
import { BOOKING_STATUS_LABEL } from './booking'
import type { AuditEntry } from './ops'

/** Each audited action in words (the console's filter offers these). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'accounts.create': '新建账号',
  'accounts.update': '修改账号',
  'accounts.resetPassword': '重置密码',
  'accounts.changeOwnPassword': '修改本人密码',
  'console.saveExhibit': '编辑展品',
  'console.uploadPhoto': '上传展品照片',
  'console.saveHall': '保存展区',
  'console.uploadAudio': '上传讲解录音',
  'console.regenerateAudio': '按文本重新生成讲解',
  'console.decideAudio': '处理讲解录音',
  'console.saveNotice': '保存公告',
  'console.removeNotice': '删除公告',
  'console.closeDay': '闭馆',
  'console.reopenDay': '重新开放（整天）',
  'console.closeSession': '单场停场',
  'console.reopenSession': '重新开放（场次）',
  'console.cancelBooking': '取消单笔预约',
  'console.holdPlaces': '为团体保留名额',
  'console.releaseHold': '释放保留名额',
  'console.saveSessionTemplates': '修改场次模板',
  'console.setCapacity': '修改单场容量',
  'console.saveHolidays': '修改节假日',
  'console.importZone': '导入园区数据',
  'console.saveCompany': '保存企业',
  'console.removeCompany': '删除企业',
  'console.savePolicy': '保存政策',
  'console.removePolicy': '删除政策',
  'console.saveChart': '修改园区数据图表',
  'console.approveGroup': '通过团体预约',
  'console.rejectGroup': '不通过团体预约',
  'console.cancelGroup': '取消团体预约',
  'console.saveGroupRules': '修改团体规则',
  'groups.countIn': '团体入馆清点',
}

/** Field names in the records the log keeps, in words. Unlisted fields show their own name. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  name: '名称',
  nameEn: '英文名称',
  role: '角色',
  disabled: '停用',
  passwordReset: '密码已重置',
  passwordChanged: '密码已修改',
  title: '标题',
  shortTitle: '简称',
  shortName: '简称',
  body: '正文',
  priority: '优先级',
  validFrom: '生效时间',
  validTo: '失效时间',
  published: '已发布',
  hall: '展区',
  hallId: '展区编号',
  floor: '楼层',
  image: '图片',
  imageSmall: '缩略图',
  imageAlt: '图片说明',
  summary: '简介',
  summaryEn: '英文简介',
  figures: '数据',
  company: '企业',
  origin: '出处',
  sort: '排序',
  source: '来源',
  sourceNote: '来源说明',
  unpublished: '未上线',
  intro: '介绍',
  order: '顺序',
  capacity: '容量',
  date: '日期',
  key: '场次',
  reason: '原因',
  note: '备注',
  cancelled: '本次取消',
  released: '释放名额',
  total: '累计取消',
  day: '日期',
  sessionId: '场次',
  industry: '行业',
  fields: '领域',
  products: '产品',
  qualifications: '资质',
  profile: '简介',
  founded: '成立时间',
  contact: '联系方式',
  exhibits: '关联展品',
  level: '级别',
  kinds: '类别',
  audiences: '对象',
  conditions: '条件',
  benefit: '扶持',
  window: '申报时间',
  materials: '材料',
  howToApply: '申报方式',
  where: '受理地点',
  issuer: '发布单位',
  docNumber: '文号',
  url: '地址',
  seconds: '时长（秒）',
  voice: '音色',
  stale: '文字已修改',
  status: '状态',
  visitors: '人数',
  places: '人数',
  organisation: '单位',
  people: '团体人数',
  checkedIn: '已入馆',
  count: '本次入馆',
  minPeople: '团体最少人数',
  maxPeople: '团体最多人数',
  pupilsPerTeacher: '每名教师带学生数',
  quotaPerSession: '每场团体名额',
  audio: '讲解录音',
  zh: '中文',
  en: '英文',
  hallEn: '英文展区名',
  imageAltEn: '英文图片说明',
  figuresEn: '英文数据',
  companyEn: '英文企业名',
  originEn: '英文出处',
  translationEn: '英文来源',
  introEn: '英文介绍',
  // The zone's English beside the Chinese (companies, policies, charts).
  shortNameEn: '英文简称',
  fieldsEn: '英文技术领域',
  productsEn: '英文主要产品',
  profileEn: '英文简介',
  sourceNoteEn: '英文来源说明',
  titleEn: '英文名称',
  conditionsEn: '英文申报条件',
  materialsEn: '英文申报材料',
  howToApplyEn: '英文申报方式',
  whereEn: '英文受理地点',
  issuerEn: '英文发文单位',
  yearEn: '英文年份',
  noteEn: '英文说明',
  plan: '平面图位置',
  recorded: '真人录音',
  label: '名称',
  value: '数值',
  from: '开始',
  to: '结束',
  start: '开始时间',
  end: '结束时间',
  fileName: '文件',
  mode: '方式',
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** The session-template entry's target: 'default' or '0'…'6'. */
export function weekdayLabel(weekday: string): string {
  if (weekday === 'default') return '默认（每天）'
  return /^[0-6]$/.test(weekday) ? WEEKDAYS[Number(weekday)] : weekday
}

export interface AuditFieldChange {
  field: string
  before: string
  after: string
}

export interface AuditView {
  id: string
  at: string
  /** The account's name with its username: 张三（zhangsan）. */
  who: string
  roleLabel: string
  actionLabel: string
  /** What was changed, by its name (notice title, account name, weekday …). */
  targetLabel: string
  /** Only the fields that changed. */
  changes: AuditFieldChange[]
  /** A one-line account of the change when fields alone would not say it (an import's counts and names). */
  summary?: string
}

/** Known names: account username → name (the log keeps the username). */
export interface AuditNames {
  accounts?: Record<string, string>
  /** Exhibit code → name: photo and audio entries keep only the code. */
  exhibits?: Record<string, string>
}

const EXHIBIT_ACTIONS = new Set(['console.saveExhibit', 'console.uploadPhoto', 'console.uploadAudio', 'console.regenerateAudio', 'console.decideAudio'])
const GUIDE_LANG_LABELS: Record<string, string> = { zh: '中文讲解', en: '英文讲解' }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A value as a short text: yes/no for booleans, role labels for roles, lists joined, nested records as 键：值. */
function text(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (field === 'role' && isRole(v)) return ROLE_LABELS[v]
  // A booking's status (a museum cancel) in the words the visitor's ticket uses.
  if (field === 'status' && typeof v === 'string' && Object.hasOwn(BOOKING_STATUS_LABEL, v)) return BOOKING_STATUS_LABEL[v as keyof typeof BOOKING_STATUS_LABEL]
  if (typeof v === 'string' || typeof v === 'number') return String(v)
  if (Array.isArray(v)) return v.length ? v.map((x) => (isObject(x) ? (String(x.name ?? x.label ?? x.title ?? x.key ?? '') || text('', x)) : text('', x))).join('、') : '（空）'
  if (isObject(v)) {
    const parts = Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${AUDIT_FIELD_LABELS[k] ?? k}：${text(k, x)}`)
    return parts.length ? parts.join('；') : '（空）'
  }
  return String(v)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Only the fields that differ between two records; a whole value when either side is not a record. */
export function diffFields(before: unknown, after: unknown): AuditFieldChange[] {
  // A record created or removed: every field it has, against nothing.
  if (isObject(after) && (before === undefined || before === null)) before = {}
  if (isObject(before) && (after === undefined || after === null)) after = {}
  if (!isObject(before) || !isObject(after)) {
    if (same(before, after)) return []
    return [{ field: '内容', before: text('', before), after: text('', after) }]
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys
    // When it was last edited is the entry's own time: not a change worth a line.
    .filter((k) => k !== 'updatedAt' && k !== 'createdAt' && !same(before[k], after[k]))
    .map((k) => ({ field: AUDIT_FIELD_LABELS[k] ?? k, before: text(k, before[k]), after: text(k, after[k]) }))
}

const nameIn = (v: unknown): string | undefined => {
  if (!isObject(v)) return undefined
  const n = v.title ?? v.name
  return typeof n === 'string' && n ? n : undefined
}

function targetLabel(e: AuditEntry, names: AuditNames): string {
  if (e.action === 'console.saveSessionTemplates') return weekdayLabel(e.target)
  if (e.action === 'console.importZone') return e.target === 'companies' ? '企业名录' : e.target === 'policies' ? '政策库' : e.target
  if (e.action === 'console.saveHolidays') return '节假日'
  if (e.action.startsWith('accounts.')) {
    const name = names.accounts?.[e.target] ?? nameIn(e.after) ?? nameIn(e.before)
    return name ? `${name}（${e.target}）` : e.target
  }
  if (EXHIBIT_ACTIONS.has(e.action)) {
    // Audio entries are `<code>.<lang>`; the rest the code itself.
    const [code, lang] = e.target.split('.')
    const name = names.exhibits?.[code] ?? (e.action === 'console.saveExhibit' ? nameIn(e.after) ?? nameIn(e.before) : undefined)
    const what = [name ?? code, lang && (GUIDE_LANG_LABELS[lang] ?? lang)].filter(Boolean).join(' · ')
    return name ? `${what}（${code}）` : what
  }
  const name = nameIn(e.after) ?? nameIn(e.before)
  return name ? `${name}（${e.target}）` : e.target
}

type Named = { id: string; name: string }
const listNames = (list: unknown): string[] => (Array.isArray(list) ? (list as Named[]).map((r) => r.name ?? r.id) : [])

function importSummary(after: unknown): string | undefined {
  if (!isObject(after)) return undefined
  const parts: string[] = []
  for (const [key, label] of [['added', '新增'], ['changed', '修改'], ['removed', '删除']] as const) {
    const items = listNames(after[key])
    parts.push(items.length ? `${label} ${items.length} 条：${items.join('、')}` : `${label} 0 条`)
  }
  const mode = after.mode === 'replace' ? '整体替换' : after.mode === 'merge' ? '合并' : undefined
  return [mode && `方式：${mode}`, typeof after.fileName === 'string' && `文件：${after.fileName}`, ...parts].filter(Boolean).join('；')
}

function importChanges(after: unknown): AuditFieldChange[] {
  if (!isObject(after) || !Array.isArray(after.changed)) return []
  return (after.changed as Array<Named & { fields?: Array<{ column: string; before: string; after: string }> }>).flatMap((c) =>
    (c.fields ?? []).map((f) => ({ field: `${c.name}·${f.column}`, before: f.before || '（空）', after: f.after || '（空）' })),
  )
}

export function describeAudit(e: AuditEntry, names: AuditNames = {}): AuditView {
  const accountName = names.accounts?.[e.account]
  const isImport = e.action === 'console.importZone'
  return {
    id: e.id,
    at: e.at,
    who: accountName ? `${accountName}（${e.account}）` : e.account,
    roleLabel: isRole(e.role) ? ROLE_LABELS[e.role] : e.role,
    actionLabel: AUDIT_ACTION_LABELS[e.action] ?? e.action,
    targetLabel: targetLabel(e, names),
    changes: isImport ? importChanges(e.after) : diffFields(e.before, e.after),
    ...(isImport ? { summary: importSummary(e.after) } : {}),
  }
}

/** One line per change, for a cell or a tooltip. */
export const changeLines = (v: AuditView): string[] => [...(v.summary ? [v.summary] : []), ...v.changes.map((c) => `${c.field}：${c.before} → ${c.after}`)]
