// weapp: page-meta sets the care tokens on this page's <page> element; app.scss reads them.
// Put it first in a page: <CareRoot />.
import { PageMeta } from '@tarojs/components'
import { useCare } from './store'

export const CARE_PAGE_STYLE =
  '--care-scale:1.2;--ink:#000000;--ink-soft:#1f2933;--bg:#ffffff;--line:#4a5563;--brand:#083a66;--brand-dark:#05284a;--surface-soft:#ffffff;'

export function CareRoot() {
  const on = useCare((s) => s.on)
  return <PageMeta pageStyle={on ? CARE_PAGE_STYLE : ''} />
}
