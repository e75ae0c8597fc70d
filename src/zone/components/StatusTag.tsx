import { Text } from '@tarojs/components'
import { POLICY_STATUS_LABEL, type PolicyStatus } from '@cloud/contracts/zone'
import './zone.scss'

export function StatusTag({ status }: { status: PolicyStatus }) {
  return <Text className={`zone-status zone-status--${status}`}>{POLICY_STATUS_LABEL[status]}</Text>
}
