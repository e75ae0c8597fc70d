import { Text, View } from '@tarojs/components'
import { CheckMark } from '@/ui/CheckBox'
import { openPrivacyGuide } from './open-privacy-guide'
import { useStrings } from '@/i18n/strings'
import { bookingText } from '@/booking/strings'
import './booking.scss'

/**
 * The consent step before a real-name booking: a checkbox (off until the visitor ticks it) and the
 * link that opens the 用户隐私保护指引. The form keeps the state and refuses to book without it.
 */
export function PrivacyConsent({ agreed, onChange }: { agreed: boolean; onChange: (agreed: boolean) => void }) {
  const s = useStrings(bookingText)
  return (
    <View className="bk-consent">
      <View className="bk-consent__box" role="checkbox" aria-checked={agreed} aria-label={s('consentLabel')} data-consent onClick={() => onChange(!agreed)}>
        <CheckMark on={agreed} className="bk-visitor__check" />
      </View>
      <View className="bk-consent__text">
        <Text onClick={() => onChange(!agreed)}>{s('consentAgree')}</Text>
        <Text className="bk-consent__link" data-privacy-link onClick={openPrivacyGuide}>
          {s('consentGuide')}
        </Text>
        <Text className="muted">{s('consentWhy')}</Text>
      </View>
    </View>
  )
}
