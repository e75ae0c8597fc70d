// The home page's entries. `path: null` marks a feature not yet open: its tile says so and a tap
// explains, so no entry is a dead link.
export interface FeatureEntry {
  key: string
  title: string
  subtitle: string
  icon: string
  path: string | null
}

export const homeEntries: FeatureEntry[] = [
  { key: 'booking', title: '预约参观', subtitle: '选日期场次，实名预约', icon: '约', path: '/booking/pages/calendar/index' },
  { key: 'exhibits', title: '扫码看展 / 展品', subtitle: '按展区浏览全部展品', icon: '展', path: '/exhibits/pages/list/index' },
  { key: 'companies', title: '企业名录', subtitle: '高新区科技企业', icon: '企', path: '/zone/pages/companies/index' },
  { key: 'policies', title: '政策查询', subtitle: '惠企政策与政策计算器', icon: '策', path: '/zone/pages/policies/index' },
  { key: 'figures', title: '区情数据', subtitle: '高新区创新数据一览', icon: '数', path: '/zone/pages/figures/index' },
]
