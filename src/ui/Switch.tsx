// A switch (role=switch, aria-checked) drawn in CSS: the same on weapp and H5, ≥ 44 px to tap.
import { View } from '@tarojs/components'

export function Switch({ checked, label, onChange, action }: { checked: boolean; label: string; onChange: (on: boolean) => void; action?: string }) {
  return (
    <View className={`switch ${checked ? 'switch--on' : ''}`} role="switch" aria-checked={checked} aria-label={label} data-action={action} onClick={() => onChange(!checked)}>
      <View className="switch__track">
        <View className="switch__thumb" />
      </View>
    </View>
  )
}
