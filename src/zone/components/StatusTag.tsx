import { Text } from '@tarojs/components'
import { POLICY_STATUS_LABEL, type PolicyStatus } from '@cloud/contracts/zone'
import { useLang } from '@/i18n/store'
import './zone.scss'

const EN: Record<PolicyStatus, string> = { open: 'Open', closing: 'Closing soon', closed: 'Closed', upcoming: 'Not yet open' }

export function StatusTag({ status }: { status: PolicyStatus }) {
  const lang = useLang()
  return <Text className={`zone-status zone-status--${status}`}>{lang === 'en' ? EN[status] : POLICY_STATUS_LABEL[status]}</Text>
}
