// The tick of a checkbox: the icon set's check (Lucide), drawn the same on weapp and H5 — not a "√"
// or "✓" character, whose shape and weight depend on the phone's fonts.
import { View } from '@tarojs/components'
import { Icon } from './Icon'

export function CheckMark({ on, className = '' }: { on: boolean; className?: string }) {
  return (
    <View className={`${className} ${on ? `${className}--on` : ''}`} data-checked={on ? 'true' : 'false'}>
      {on && <Icon name="check" color="white" size="s" />}
    </View>
  )
}
