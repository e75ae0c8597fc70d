// 园区数据: companies, policies and the zone's figures, edited one record at a time. A company or
// policy form IS one row of the import spreadsheet (its fields are the spreadsheet's columns, with
// the same notes), and the server saves it through the import's own parser — one set of rules.
import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Drawer, Form, type FormInstance, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag } from 'antd'
import type { Company, MatchProfile, Policy, ZoneChart } from '../../../cloud/contracts/zone'
import { INDUSTRIES, QUALIFICATIONS, TALENT_TYPES } from '../../../cloud/contracts/zone'
import { COMPANY_COLUMNS, POLICY_COLUMNS, TRANSLATION_WORD, companyToRow, policyToRow, type Row } from '../../../cloud/contracts/zone-sheet'
import { call } from '../api'
import { useFormErrors } from '../useFormErrors'
import { useEditGuard } from '../unsaved'
import { useLoaded } from '../useLoaded'
import { saveFrom, StaleNotice } from '../revision'

type ZoneState = { companies: Company[]; policies: Policy[]; charts: ZoneChart[] }
type Columns = ReadonlyArray<readonly [string, string, string]>

const SOURCE_TAG: Record<Company['source'], JSX.Element> = {
  article: <Tag color="green">文章</Tag>,
  document: <Tag color="blue">文件</Tag>,
  illustrative: <Tag>示意</Tag>,
}
const LONG = new Set(['企业简介', '政策摘要', '申报条件', '申报材料', '英文简介', '英文摘要', '英文申报条件', '英文申报材料', '英文技术领域', '英文主要产品', '英文申报方式', '英文来源说明'])
/** Who wrote the English: the page says “not reviewed by the zone office” for a machine translation. */
const TRANSLATION_OPTIONS = [
  { value: '', label: '（未填英文）' },
  { value: TRANSLATION_WORD.machine, label: `${TRANSLATION_WORD.machine}（页面注明未经园区办审核）` },
  { value: TRANSLATION_WORD.written, label: `${TRANSLATION_WORD.written}（园区办提供或已审核）` },
]

export function ZoneData() {
  const { message } = App.useApp()
  // `rev`: the record's revision when the drawer opened (its save is refused if someone saved since).
  const [editing, setEditing] = useState<{ kind: 'company' | 'policy'; row: Row | null; rev?: number } | null>(null)
  const [chart, setChart] = useState<ZoneChart | null>(null)
  const [q, setQ] = useState('')
  const loaded = useLoaded(() => call('console', 'zoneData', {}))
  const { loading, reload: load } = loaded
  const data: ZoneState = loaded.data ?? { companies: [], policies: [], charts: [] }
  const hit = (...texts: Array<string | undefined>) => !q || texts.some((t) => t?.includes(q))

  const remove = async (kind: 'company' | 'policy', id: string, rev: number) => {
    const res = kind === 'company' ? await call('console', 'removeCompany', { id, rev }) : await call('console', 'removePolicy', { id, rev })
    if (!res.ok) return void message.error(res.error.message)
    message.success('已删除')
    void load()
  }
  const actions = (kind: 'company' | 'policy', { id, rev = 0 }: { id: string; rev?: number }, row: Row) => (
    <Space>
      <Button type="link" onClick={() => setEditing({ kind, row, rev })}>
        编辑
      </Button>
      <Popconfirm title="删除这条记录？" description="删除后观众端立即不再显示，且无法恢复（可重新导入）。" okText="删除" cancelText="取消" onConfirm={() => remove(kind, id, rev)}>
        <Button type="link" danger>
          删除
        </Button>
      </Popconfirm>
    </Space>
  )
  const search = <Input.Search allowClear placeholder="按名称或编号筛选" style={{ width: 280 }} onChange={(e) => setQ(e.target.value.trim())} />

  return (
    <>
      <Tabs
        items={[
          {
            key: 'companies',
            label: `企业名录（${data.companies.length}）`,
            children: (
              <>
                <Space style={{ marginBottom: 16 }}>
                  <Button type="primary" onClick={() => setEditing({ kind: 'company', row: null })}>
                    新建企业
                  </Button>
                  {search}
                </Space>
                <Table<Company>
                  rowKey="id"
                  loading={loading}
                  dataSource={data.companies.filter((c) => hit(c.id, c.name, c.shortName))}
                  pagination={{ pageSize: 10 }}
                  columns={[
                    { title: '企业编号', dataIndex: 'id', sorter: (a, b) => a.id.localeCompare(b.id) },
                    { title: '企业名称', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
                    { title: '行业', dataIndex: 'industry', filters: INDUSTRIES.map((i) => ({ text: i, value: i })), onFilter: (v, c) => c.industry === v },
                    { title: '来源', render: (_, c) => SOURCE_TAG[c.source] },
                    { title: '操作', render: (_, c) => actions('company', c, companyToRow(c)) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'policies',
            label: `政策库（${data.policies.length}）`,
            children: (
              <>
                <Space style={{ marginBottom: 16 }}>
                  <Button type="primary" onClick={() => setEditing({ kind: 'policy', row: null })}>
                    新建政策
                  </Button>
                  {search}
                </Space>
                <Table<Policy>
                  rowKey="id"
                  loading={loading}
                  dataSource={data.policies.filter((p) => hit(p.id, p.title, p.shortTitle))}
                  pagination={{ pageSize: 10 }}
                  columns={[
                    { title: '政策编号', dataIndex: 'id', sorter: (a, b) => a.id.localeCompare(b.id) },
                    { title: '政策名称', dataIndex: 'title' },
                    { title: '层级', dataIndex: 'level' },
                    { title: '匹配规则', render: (_, p) => (p.rules?.length ? `${p.rules.length} 条` : <Tag>不参与计算器</Tag>), sorter: (a, b) => (a.rules?.length ?? 0) - (b.rules?.length ?? 0) },
                    { title: '来源', render: (_, p) => SOURCE_TAG[p.source] },
                    { title: '操作', render: (_, p) => actions('policy', p, policyToRow(p)) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'figures',
            label: '园区数据图表',
            children: (
              <Table<ZoneChart>
                rowKey="id"
                loading={loading}
                dataSource={data.charts}
                pagination={false}
                columns={[
                  { title: '图表', dataIndex: 'title' },
                  { title: '年份', dataIndex: 'year' },
                  { title: '来源', dataIndex: 'source' },
                  { title: '数据', render: (_, c) => c.figures.map((f) => `${f.label} ${f.qualifier ?? ''}${f.value}${f.unit}`).join('；') },
                  { title: '操作', render: (_, c) => <Button type="link" onClick={() => setChart(c)}>编辑</Button> },
                ]}
              />
            ),
          },
        ]}
      />
      {editing && (
        <RowDrawer
          kind={editing.kind}
          row={editing.row}
          rev={editing.rev}
          // Closed unsaved, the list is read again too: after a refusal it shows what the other editor saved.
          onClose={() => (setEditing(null), void load())}
          onSaved={() => (setEditing(null), void load())}
        />
      )}
      {chart && <ChartModal chart={chart} onClose={() => setChart(null)} onSaved={() => (setChart(null), void load())} />}
    </>
  )
}

/** One company or policy as its spreadsheet row; policies add the rule editor and its preview. */
function RowDrawer({ kind, row, rev, onClose, onSaved }: { kind: 'company' | 'policy'; row: Row | null; rev?: number; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  // Untyped: its fields are the spreadsheet's column names plus the rule list.
  const [form] = Form.useForm()
  const [saving, setSaving] = useState(false)
  const [stale, setStale] = useState<string | null>(null)
  const showErrors = useFormErrors(form)
  const columns: Columns = kind === 'company' ? COMPANY_COLUMNS : POLICY_COLUMNS
  const guard = useEditGuard('zone-row-drawer')
  const close = guard.guardClose(onClose)
  const idColumn = columns[0][0]
  const initialRules = useMemo<EditableRule[]>(() => {
    try {
      return row?.['匹配规则'] ? (JSON.parse(row['匹配规则']) as EditableRule[]) : []
    } catch {
      return []
    }
  }, [row])
  return (
    <Drawer
      open
      width={960}
      title={`${row ? '编辑' : '新建'}${kind === 'company' ? '企业' : '政策'}`}
      onClose={close}
      extra={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <StaleNotice message={stale} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="字段与导入表格的列相同，校验规则也相同；多个值用“、”分隔，英文的多项每项一行（英文里可以有逗号）。英文留空时，英文页面显示中文并注明暂无英文。" />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...(row ?? {}), rules: initialRules }}
        onValuesChange={guard.touched}
        onFinish={async ({ rules, ...values }: Row & { rules?: EditableRule[] }) => {
          const cells: Row = {}
          for (const [name] of columns) if (name !== '匹配规则') cells[name] = String(values[name] ?? '')
          if (kind === 'policy') cells['匹配规则'] = rules?.length ? JSON.stringify(rules.map(cleanRule)) : ''
          setSaving(true)
          const how = saveFrom(row ? { rev } : null)
          const res = kind === 'company' ? await call('console', 'saveCompany', { row: cells, ...how }) : await call('console', 'savePolicy', { row: cells, ...how })
          setSaving(false)
          if (!res.ok) {
            setStale(res.error.code === 'COMPANY_STALE' || res.error.code === 'POLICY_STALE' ? res.error.message : null)
            return showErrors(res.error)
          }
          guard.saved()
          message.success(`${kind === 'company' ? '企业' : '政策'}已保存，观众页面即时生效`)
          onSaved()
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          {columns
            .filter(([name]) => name !== '匹配规则')
            .map(([name, , note]) => (
              <Form.Item key={name} label={name} name={name} extra={note} style={LONG.has(name) ? { gridColumn: '1 / span 2' } : undefined}>
                {name === '英文译文' ? (
                  <Select aria-label={name} options={TRANSLATION_OPTIONS} />
                ) : LONG.has(name) ? (
                  <Input.TextArea rows={3} />
                ) : (
                  <Input disabled={name === idColumn && !!row} />
                )}
              </Form.Item>
            ))}
        </div>
        {kind === 'policy' && <RuleEditor form={form} />}
      </Form>
    </Drawer>
  )
}

// ----- the rule editor and its live preview -----

type EditableRule = { type?: string; field?: string; value?: number; anyOf?: string[]; label?: string; missing?: string; labelEn?: string; missingEn?: string }

const RULE_TYPES: Array<{ value: string; label: string; needs: 'none' | 'field' | 'value' | 'qualifications' | 'talent' | 'industries' }> = [
  { value: 'inZone', label: '注册在高新区', needs: 'none' },
  { value: 'min', label: '数值不低于', needs: 'field' },
  { value: 'max', label: '数值不高于', needs: 'field' },
  { value: 'ageYearsMax', label: '成立不超过（年）', needs: 'value' },
  { value: 'ageYearsMin', label: '成立至少（年）', needs: 'value' },
  { value: 'hasQualification', label: '具备资质之一', needs: 'qualifications' },
  { value: 'lacksQualification', label: '尚未取得资质', needs: 'qualifications' },
  { value: 'hasTalent', label: '团队有人才', needs: 'talent' },
  { value: 'financingNeed', label: '有融资需求', needs: 'none' },
  { value: 'industry', label: '属于行业', needs: 'industries' },
]
const NUMERIC_FIELDS = [
  { value: 'employees', label: '员工人数' },
  { value: 'revenue', label: '上年营收（万元）' },
  { value: 'rdShare', label: '研发投入占比（%）' },
  { value: 'inventionPatents', label: '发明专利（件）' },
  { value: 'otherIp', label: '其他知识产权（件）' },
]
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))

/** Only the keys a rule of its type has (the form keeps fields of a type chosen before). */
function cleanRule(r: EditableRule): EditableRule {
  const needs = RULE_TYPES.find((t) => t.value === r.type)?.needs
  const out: EditableRule = { type: r.type }
  if (needs === 'field') Object.assign(out, { field: r.field, value: r.value })
  if (needs === 'value') out.value = r.value
  if (needs === 'qualifications' || needs === 'talent' || needs === 'industries') out.anyOf = r.anyOf ?? []
  // English is optional: an empty box is left out (the page then shows the Chinese, saying so).
  const english = { ...(r.labelEn?.trim() ? { labelEn: r.labelEn.trim() } : {}), ...(r.missingEn?.trim() ? { missingEn: r.missingEn.trim() } : {}) }
  return { ...out, label: r.label ?? '', missing: r.missing ?? '', ...english }
}

function RuleEditor({ form }: { form: FormInstance }) {
  return (
    <>
      <h3>匹配规则（政策计算器：全部满足为“符合”）</h3>
      <Form.List name="rules">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} style={{ border: '1px solid #f0f0f0', padding: 12, marginBottom: 8, borderRadius: 6 }}>
                <Space align="start" wrap>
                  <span style={{ lineHeight: '32px' }}>第{i + 1}条</span>
                  <Form.Item name={[f.name, 'type']} rules={[{ required: true, message: '请选择规则类型' }]} style={{ marginBottom: 8 }}>
                    <Select aria-label={`规则${i + 1}类型`} style={{ width: 180 }} options={RULE_TYPES} placeholder="规则类型" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const needs = RULE_TYPES.find((t) => t.value === form.getFieldValue(['rules', f.name, 'type']))?.needs
                      return (
                        <Space align="start">
                          {needs === 'field' && (
                            <Form.Item name={[f.name, 'field']} rules={[{ required: true, message: '请选择数值项' }]} style={{ marginBottom: 8 }}>
                              <Select style={{ width: 180 }} options={NUMERIC_FIELDS} placeholder="数值项" />
                            </Form.Item>
                          )}
                          {(needs === 'field' || needs === 'value') && (
                            <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: '请填写数值' }]} style={{ marginBottom: 8 }}>
                              <InputNumber placeholder="数值" />
                            </Form.Item>
                          )}
                          {(needs === 'qualifications' || needs === 'talent' || needs === 'industries') && (
                            <Form.Item name={[f.name, 'anyOf']} rules={[{ required: true, message: '至少选择一项' }]} style={{ marginBottom: 8 }}>
                              <Select
                                mode="multiple"
                                style={{ width: 320 }}
                                placeholder="任一即可"
                                options={options(needs === 'qualifications' ? QUALIFICATIONS : needs === 'talent' ? TALENT_TYPES : INDUSTRIES)}
                              />
                            </Form.Item>
                          )}
                        </Space>
                      )
                    }}
                  </Form.Item>
                  <Button danger type="link" onClick={() => remove(f.name)}>
                    删除此条
                  </Button>
                </Space>
                <Space style={{ width: '100%' }}>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写满足时的说明' }]} style={{ marginBottom: 0, width: 400 }}>
                    <Input placeholder="满足时显示，如：成立不超过5年" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'missing']} rules={[{ required: true, message: '请填写不满足时的提示' }]} style={{ marginBottom: 0, width: 440 }}>
                    <Input placeholder="不满足时显示，如：成立超过5年的企业不在扶持范围" />
                  </Form.Item>
                </Space>
                <Space style={{ width: '100%', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'labelEn']} style={{ marginBottom: 0, width: 400 }}>
                    <Input aria-label={`规则${i + 1}英文说明`} placeholder="英文（可选），如：Founded no more than 5 years ago" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'missingEn']} style={{ marginBottom: 0, width: 440 }}>
                    <Input aria-label={`规则${i + 1}英文提示`} placeholder="英文（可选），如：Companies founded more than 5 years ago are not covered" />
                  </Form.Item>
                </Space>
              </div>
            ))}
            <Button onClick={() => add({ type: 'inZone', label: '', missing: '' })}>添加规则</Button>
          </>
        )}
      </Form.List>
      <RulePreview form={form} />
    </>
  )
}

const VERDICT = { fit: <Tag color="green">符合</Tag>, near: <Tag color="gold">差一点（可争取）</Tag>, none: <Tag>不符合</Tag> } as const

/** The draft rules against a test profile, answered by the server's calculator as the visitor would get it. */
function RulePreview({ form }: { form: FormInstance }) {
  const rules = Form.useWatch('rules', form) as EditableRule[] | undefined
  const [profileForm] = Form.useForm<MatchProfile>()
  const profile = Form.useWatch([], profileForm) as MatchProfile | undefined
  const [answer, setAnswer] = useState<{ verdict: 'fit' | 'near' | 'none'; rules: Array<{ label: string; missing: string; holds: boolean }> } | { error: string } | null>(null)
  const key = JSON.stringify([rules, profile])
  useEffect(() => {
    if (!rules?.length || !profile) return void setAnswer(null)
    const timer = setTimeout(async () => {
      const clean = JSON.parse(JSON.stringify(profile)) as MatchProfile
      const res = await call('console', 'testRules', { rules: rules.map(cleanRule), profile: { ...clean, qualifications: clean.qualifications ?? [], talent: clean.talent ?? [] } })
      setAnswer(res.ok ? res.data : { error: res.error.message })
    }, 300)
    return () => clearTimeout(timer)
    // `key` stands for both watched values (new arrays on every render of the form).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return (
    <div style={{ marginTop: 24, padding: 16, background: '#fafafa', borderRadius: 6 }}>
      <h3 style={{ marginTop: 0 }}>试算：用一个企业情况检验以上规则（不保存）</h3>
      <Form form={profileForm} layout="inline" initialValues={{ inZone: true, qualifications: [], talent: [], financingNeed: false, founded: '2022-01-01' }}>
        <Form.Item label="在高新区" name="inZone" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label="成立日期" name="founded">
          <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" />
        </Form.Item>
        {NUMERIC_FIELDS.map((f) => (
          <Form.Item key={f.value} label={f.label} name={f.value}>
            <InputNumber min={0} style={{ width: 100 }} />
          </Form.Item>
        ))}
        <Form.Item label="资质" name="qualifications">
          <Select mode="multiple" style={{ width: 260 }} options={options(QUALIFICATIONS)} />
        </Form.Item>
        <Form.Item label="人才" name="talent">
          <Select mode="multiple" style={{ width: 200 }} options={options(TALENT_TYPES)} />
        </Form.Item>
        <Form.Item label="行业" name="industry">
          <Select allowClear style={{ width: 140 }} options={options(INDUSTRIES)} />
        </Form.Item>
        <Form.Item label="有融资需求" name="financingNeed" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      <div style={{ marginTop: 12 }} aria-live="polite">
        {!answer && <span>添加规则后在此显示试算结果。</span>}
        {answer && 'error' in answer && <Alert type="warning" showIcon message={answer.error} />}
        {answer && 'verdict' in answer && (
          <>
            <div>试算结果：{VERDICT[answer.verdict]}</div>
            <ul>
              {answer.rules.map((r, i) => (
                <li key={i}>{r.holds ? `✓ ${r.label}` : `✗ ${r.missing}`}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  )
}

// ----- figures -----

/** An emptied English box means “no English” (the page then shows the Chinese, saying so), not an empty text. */
function withoutEmptyEnglish(chart: ZoneChart): ZoneChart {
  const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([k, v]) => !(k.endsWith('En') && k !== 'unitEn' && (v === '' || v == null)))) as T
  return { ...drop(chart), figures: chart.figures.map(drop) }
}

function ChartModal({ chart, onClose, onSaved }: { chart: ZoneChart; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ chart: ZoneChart }>()
  const [saving, setSaving] = useState(false)
  const showErrors = useFormErrors(form)
  return (
    <Modal open width={820} title={`编辑图表：${chart.title}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ chart }}
        onFinish={async (v) => {
          setSaving(true)
          const res = await call('console', 'saveChart', { chart: withoutEmptyEnglish(JSON.parse(JSON.stringify({ ...chart, ...v.chart })) as ZoneChart) })
          setSaving(false)
          if (!res.ok) return showErrors(res.error)
          message.success('园区数据图表已保存，观众页面即时生效')
          onSaved()
        }}
      >
        <Form.Item label="标题" name={['chart', 'title']}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item label="数据年份" name={['chart', 'year']} extra="如 2025年、约2023年5月">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="来源类别" name={['chart', 'sourceKind']}>
            <Select style={{ width: 140 }} options={[{ value: 'article', label: '文章' }, { value: 'document', label: '文件' }, { value: 'illustrative', label: '示意' }]} />
          </Form.Item>
        </Space>
        <Form.Item label="数据来源" name={['chart', 'source']} extra="文件标题、统计公报或报道名称">
          <Input />
        </Form.Item>
        <Form.Item label="说明" name={['chart', 'note']}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item label="英文标题" name={['chart', 'titleEn']} extra="留空时英文页面显示中文">
            <Input style={{ width: 360 }} />
          </Form.Item>
          <Form.Item label="英文年份" name={['chart', 'yearEn']} extra="如 around May 2023">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="英文来源" name={['chart', 'sourceEn']}>
            <Input style={{ width: 360 }} />
          </Form.Item>
          <Form.Item label="英文说明" name={['chart', 'noteEn']}>
            <Input style={{ width: 360 }} />
          </Form.Item>
          <Form.Item label="英文译文" name={['chart', 'translationEn']}>
            <Select
              style={{ width: 200 }}
              allowClear
              options={[
                { value: 'machine', label: TRANSLATION_WORD.machine },
                { value: 'written', label: TRANSLATION_WORD.written },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.List name={['chart', 'figures']}>
          {(fields) =>
            fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item label="名称" name={[f.name, 'label']}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item label="限定" name={[f.name, 'qualifier']}>
                  <Input style={{ width: 80 }} placeholder="如 超" />
                </Form.Item>
                <Form.Item label="数值" name={[f.name, 'value']}>
                  <InputNumber style={{ width: 140 }} />
                </Form.Item>
                <Form.Item label="单位" name={[f.name, 'unit']}>
                  <Input style={{ width: 80 }} />
                </Form.Item>
                <Form.Item label="英文名称" name={[f.name, 'labelEn']}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
      </Form>
    </Modal>
  )
}
