// WeUI-style cells: a titled group of rows; a row that opens something has a chevron.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Icon, type IconName } from './Icon'

export function CellGroup({ title, children, footer }: { title?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <View className="cells">
      {title && (
        <View className="cells__title" role="heading" aria-level={2}>
          {title}
        </View>
      )}
      <View className="cells__body">{children}</View>
      {footer && <View className="cells__footer">{footer}</View>}
    </View>
  )
}

interface CellProps {
  title: ReactNode
  /** A second line under the title. */
  label?: ReactNode
  /** Right-hand text or control. */
  value?: ReactNode
  icon?: IconName
  onTap?: () => void
  /** `data-*` hook for tests and analytics. */
  action?: string
}

export function Cell({ title, label, value, icon, onTap, action }: CellProps) {
  return (
    <View className={`cell ${onTap ? 'cell--link' : ''}`} role={onTap ? 'link' : undefined} data-action={action} onClick={onTap}>
      {icon && <Icon name={icon} size="m" className="cell__icon" />}
      <View className="cell__main">
        <View className="cell__title">{title}</View>
        {label && <View className="cell__label">{label}</View>}
      </View>
      {value !== undefined && <View className={`cell__value ${typeof value === 'string' ? 'cell__value--text' : ''}`}>{value}</View>}
      {onTap && <Icon name="chevron-right" color="muted" size="s" className="cell__chevron" />}
    </View>
  )
}
