import type { IconName } from '@/ui/Icon'
import { paths } from '@/paths'

// The home page's entries. `path: null` marks a feature not yet open: its tile says so and a tap
// explains, so no entry is a dead link.
export interface FeatureEntry {
  key: string
  title: string
  subtitle: string
  icon: IconName
  path: string | null
}

export const homeEntries: FeatureEntry[] = [
  { key: 'booking', title: '预约参观', subtitle: '选日期场次，实名预约', icon: 'calendar-days', path: paths.calendar },
  { key: 'exhibits', title: '展品导览', subtitle: '按展区浏览全部展品', icon: 'landmark', path: paths.exhibits },
  { key: 'companies', title: '企业名录', subtitle: '高新区科技企业', icon: 'building-2', path: paths.companies },
  { key: 'policies', title: '政策查询', subtitle: '惠企政策与政策计算器', icon: 'scroll-text', path: paths.policies },
  { key: 'figures', title: '区情数据', subtitle: '高新区创新数据一览', icon: 'chart-column', path: paths.figures },
  { key: 'transfer', title: '成果转化', subtitle: '成果清单、需求清单与转化平台', icon: 'sliders-horizontal', path: paths.transferResults },
]
