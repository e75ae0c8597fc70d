// A synthetic, realistic-looking zone (10,000 companies, 2,000 policies) for tests and benchmarks.
// Deterministic (seeded), never shipped as content: every record is marked illustrative.
import {
  INDUSTRIES,
  POLICY_AUDIENCES,
  POLICY_KINDS,
  POLICY_LEVELS,
  QUALIFICATIONS,
  type Company,
  type Industry,
  type Policy,
  type Qualification,
  type Rule,
} from '../cloud/contracts/zone'

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ROOTS = '华 海 中 新 东 北 瑞 博 远 星 恒 创 智 信 天 科 源 达 盛 泰 宏 联 通 云 光 德 昊 辰 鑫 睿 航 晟 凯 润 安 诚 明 汇 锐 卓 越 嘉 兴 宇 正 和 芯 微 能 融'.split(' ')
const SUFFIX: Record<Industry, string[]> = {
  信息技术: ['软件', '信息', '数据', '网络', '数字'],
  车联网: ['智行', '车联', '导航', '交通'],
  洁净能源: ['储能', '氢能', '新能源', '光伏', '电力'],
  生命健康: ['生物', '医疗', '医药', '基因', '健康'],
  智能制造: ['智能装备', '自动化', '机器人', '精密'],
  新材料: ['材料', '复合材料', '新材'],
  航空航天: ['航天', '测控', '卫星'],
  教育科技: ['教育', '学堂'],
  其他: ['科技', '技术'],
}
const PRODUCTS: Record<Industry, string[]> = {
  信息技术: ['工业软件', '云平台', '数据库', '信息安全网关', '仿真软件'],
  车联网: ['车载终端', '高精度地图', '智能网联平台', '车路协同设备'],
  洁净能源: ['液流电池', '燃料电池', '光伏逆变器', '储能系统', '电解槽'],
  生命健康: ['体外诊断试剂', '基因测序仪', '医用耗材', '创新药'],
  智能制造: ['工业机器人', '数控机床', '视觉检测设备', '气体纯化设备'],
  新材料: ['碳纤维复合材料', '特种涂层', '轻量化结构件'],
  航空航天: ['光纤板卡', '测控设备', '卫星载荷'],
  教育科技: ['在线学习平台', '智慧教室'],
  其他: ['技术服务'],
}

export function syntheticCompanies(n = 10_000, seed = 42): Company[] {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  const out: Company[] = []
  for (let i = 0; i < n; i++) {
    const industry = pick(INDUSTRIES)
    const short = `${pick(ROOTS)}${pick(ROOTS)}${pick(SUFFIX[industry])}`
    const name = `大连${short}${pick(['科技', '技术', '股份', '工程'])}有限公司`
    const quals = new Set<Qualification>()
    if (r() < 0.6) quals.add('科技型中小企业')
    if (r() < 0.35) quals.add('高新技术企业')
    if (r() < 0.15) quals.add('雏鹰企业')
    if (r() < 0.03) quals.add('瞪羚企业')
    if (r() < 0.003) quals.add('潜在独角兽企业')
    if (r() < 0.03) quals.add(pick(QUALIFICATIONS.slice(5)))
    const products = [pick(PRODUCTS[industry]), pick(PRODUCTS[industry])].filter((p, j, a) => a.indexOf(p) === j)
    out.push({
      id: `syn-c${i}`,
      name,
      shortName: short,
      industry,
      fields: [pick(SUFFIX[industry])],
      products,
      qualifications: [...quals],
      profile: `${name}主要从事${products.join('、')}的研发与生产。（合成数据）`,
      founded: `${2000 + Math.floor(r() * 25)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      exhibits: [],
      source: 'illustrative',
      sourceNote: '合成测试数据',
    })
  }
  return out
}

const THEMES = ['研发投入补助', '首台套奖励', '人才引进奖励', '贷款贴息', '成果转化奖励', '平台建设补助', '专利资助', '上市辅导奖励', '孵化器运营补贴', '技术合同登记奖励']

export function syntheticPolicies(n = 2_000, seed = 7, today = '2026-06-01'): Policy[] {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  const base = Date.parse(`${today}T00:00:00Z`)
  const day = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10)
  const out: Policy[] = []
  for (let i = 0; i < n; i++) {
    const level = pick(POLICY_LEVELS)
    const theme = pick(THEMES)
    // Like real policies: most ask for a qualification and a threshold or two, few ask for nothing.
    const rules: Rule[] = []
    if (r() < 0.7) rules.push({ type: 'inZone', label: '注册在高新区', missing: '需在高新区注册' })
    if (r() < 0.75) rules.push({ type: 'hasQualification', anyOf: [pick(QUALIFICATIONS)], label: '资质满足', missing: '取得相应资质后可申请' })
    if (r() < 0.5) rules.push({ type: 'min', field: 'rdShare', value: 1 + Math.round(r() * 6), label: '研发投入达标', missing: '研发投入占比需提高' })
    if (r() < 0.45) rules.push({ type: 'min', field: 'revenue', value: Math.round(500 + r() * 20000), label: '营收达标', missing: '营业收入需提高' })
    if (r() < 0.25) rules.push({ type: 'min', field: 'inventionPatents', value: 1 + Math.floor(r() * 5), label: '发明专利达标', missing: '发明专利数量需增加' })
    if (r() < 0.25) rules.push({ type: 'ageYearsMax', value: 3 + Math.floor(r() * 8), label: '成立年限满足', missing: '成立年限超出' })
    if (r() < 0.15) rules.push({ type: 'financingNeed', label: '有融资需求', missing: '有融资需求时可申请' })
    if (r() < 0.1) rules.push({ type: 'hasTalent', anyOf: ['海外高层次人才'], label: '有海外高层次人才', missing: '需有海外高层次人才' })
    if (rules.length === 0) rules.push({ type: 'inZone', label: '注册在高新区', missing: '需在高新区注册' })
    const opens = Math.floor(r() * 400) - 300
    out.push({
      id: `syn-p${i}`,
      title: `${pick(['大连市', '高新区', '辽宁省', '国家'])}${theme}（第${i}号）`,
      level,
      kinds: [pick(POLICY_KINDS)],
      audiences: [pick(POLICY_AUDIENCES)],
      summary: `${theme}政策（合成数据）。`,
      conditions: rules.map((x) => x.label),
      benefit: r() < 0.7 ? { text: '最高若干万元', maxAmount: 5 + Math.floor(r() * 200) } : { text: '按规定享受' },
      window: { opens: day(opens), closes: day(opens + 30 + Math.floor(r() * 300)) },
      materials: ['申请表'],
      howToApply: '线上申报',
      where: '政务服务中心',
      issuer: '合成数据',
      sourceNote: '合成测试数据',
      source: 'illustrative',
      rules,
    })
  }
  return out
}
