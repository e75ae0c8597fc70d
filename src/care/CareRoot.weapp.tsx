// weapp: a mini-program page has no shared root element to carry a class, so a page wraps its
// content in <CareRoot>. In care mode the wrapper carries the `care` class (the app.scss rules
// written as `.care …`) and the care tokens, which every element inside inherits.
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useCare } from './store'

export const CARE_STYLE =
  '--care-scale:1.2;--ink:#000000;--ink-soft:#1f2933;--bg:#ffffff;--line:#4a5563;--brand:#083a66;--brand-dark:#05284a;--surface-soft:#ffffff;'

export function CareRoot({ children }: PropsWithChildren) {
  const on = useCare((s) => s.on)
  return (
    <View className={on ? 'care care-root' : 'care-root'} style={on ? CARE_STYLE : ''}>
      {children}
    </View>
  )
}
