// A fixed value (field, result type, mode …) in the interface's language: the zone's table for
// fields, this section's for the rest; a value without English is shown as written.
import { useLang } from '@/i18n/store'
import { VALUE_EN } from '@/zone/strings'
import { TRANSFER_VALUE_EN } from './strings'

export function useValueText() {
  const en = useLang() === 'en'
  return (v: string) => (en ? TRANSFER_VALUE_EN[v] ?? VALUE_EN[v] ?? v : v)
}
