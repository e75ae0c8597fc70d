import { View } from '@tarojs/components'
import './zone.scss'

interface Props {
  label: string
  options: ReadonlyArray<{ value: string; label: string }>
  isOn: (value: string) => boolean
  onTap: (value: string) => void
  /** Data attribute for tests and analytics: which filter this is. */
  name: string
  /** Wrap onto several lines (forms) instead of one sideways-scrolling line (filters). */
  wrap?: boolean
}

// Taro's ViewProps does not declare tabIndex; H5 passes it to the element, weapp ignores it.
const KEYBOARD_FOCUSABLE = { tabIndex: 0 } as Record<string, unknown>

/** A row of tappable choices (filters, form answers); the chosen ones are filled. */
export function ChipGroup({ label, options, isOn, onTap, name, wrap = false }: Props) {
  return (
    <View className={`zone-chips ${wrap ? 'zone-chips--wrap' : ''}`} data-chips={name}>
      <View className="zone-chips__label">{label}</View>
      {/* A sideways-scrolling row must itself take keyboard focus so it can be scrolled without a pointer. */}
      <View className="zone-chips__row" role="group" aria-label={label} {...(wrap ? {} : KEYBOARD_FOCUSABLE)}>
        {options.map((o) => (
          <View
            key={o.value}
            className={`zone-chip ${isOn(o.value) ? 'zone-chip--on' : ''}`}
            role="button"
            aria-pressed={isOn(o.value)}
            onClick={() => onTap(o.value)}
          >
            {o.label}
          </View>
        ))}
      </View>
    </View>
  )
}
