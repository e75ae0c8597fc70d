// Filters behind one 筛选 button: the active ones stay in view as removable chips, the choices open
// in a bottom sheet. The results start right under the search box, on the first screen.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { Icon } from '@/ui/Icon'
import { VALUE_EN, zoneText } from '@/zone/strings'
import { ChipGroup } from './ChipGroup'
import '@/ui/sheet.scss'

export interface FilterDef {
  /** Query field and data-chips name. */
  name: string
  label: string
  options: ReadonlyArray<{ value: string; label: string }>
  value: string
}

export function FilterSheet({ filters, onChange }: { filters: FilterDef[]; onChange: (name: string, value: string | undefined) => void }) {
  const [open, setOpen] = useState(false)
  const s = useStrings(zoneText)
  const lang = useLang()
  const label = (l: string) => (lang === 'en' ? VALUE_EN[l] ?? l : l)
  const active = filters.filter((f) => f.value)
  return (
    <View className="zone-filters">
      <View className="zone-filters__bar">
        <View className={`chip zone-filters__open ${active.length ? 'chip--on' : ''}`} role="button" data-action="filters" aria-expanded={open} onClick={() => setOpen(true)}>
          <Icon name="sliders-horizontal" size="s" />
          {s('filter')}
          {active.length > 0 && ` · ${active.length}`}
        </View>
        {active.map((f) => {
          const text = label(f.options.find((o) => o.value === f.value)?.label ?? f.value)
          return (
            <View key={f.name} className="chip chip--on zone-filters__active" role="button" data-active-filter={f.name} aria-label={s('remove', { label: text })} onClick={() => onChange(f.name, undefined)}>
              {text}
              <Icon name="x" size="s" />
            </View>
          )
        })}
      </View>
      {open && (
        <View className="sheet" data-sheet="filters">
          <View className="sheet__mask" onClick={() => setOpen(false)} />
          <View className="sheet__panel" role="dialog" aria-modal="true" aria-label={s('filterTitle')}>
            <View className="sheet__title" role="heading" aria-level={2}>
              {s('filterTitle')}
            </View>
            <View className="sheet__body">
              {filters.map((f) => (
                <ChipGroup
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  wrap
                  options={f.options.map((o) => ({ value: o.value, label: o.value ? label(o.label) : s('all') }))}
                  isOn={(v) => f.value === v}
                  onTap={(v) => onChange(f.name, v || undefined)}
                />
              ))}
            </View>
            <View className="sheet__actions">
              <View className="btn btn--ghost" role="button" onClick={() => filters.forEach((f) => f.value && onChange(f.name, undefined))}>
                {s('reset')}
              </View>
              <View className="btn" role="button" data-action="filters-done" onClick={() => setOpen(false)}>
                {s('done')}
              </View>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
