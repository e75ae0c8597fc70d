import { Text, View } from '@tarojs/components'
import { openPrivacyGuide } from './open-privacy-guide'
import './booking.scss'

export const PRIVACY_CONSENT_REQUIRED = '请先阅读并同意《用户隐私保护指引》，再提交预约'

/**
 * The consent step before a real-name booking: a checkbox (off until the visitor ticks it) and the
 * link that opens the 用户隐私保护指引. The form keeps the state and refuses to book without it.
 */
export function PrivacyConsent({ agreed, onChange }: { agreed: boolean; onChange: (agreed: boolean) => void }) {
  return (
    <View className="bk-consent">
      <View className="bk-consent__box" role="checkbox" aria-checked={agreed} aria-label="我已阅读并同意用户隐私保护指引" data-consent onClick={() => onChange(!agreed)}>
        <View className={`bk-visitor__check ${agreed ? 'bk-visitor__check--on' : ''}`}>{agreed ? '✓' : ''}</View>
      </View>
      <View className="bk-consent__text">
        <Text onClick={() => onChange(!agreed)}>我已阅读并同意</Text>
        <Text className="bk-consent__link" data-privacy-link onClick={openPrivacyGuide}>
          《用户隐私保护指引》
        </Text>
        <Text className="muted">：预约需提供参观人姓名和证件号码，仅用于实名预约和入馆核验。</Text>
      </View>
    </View>
  )
}
