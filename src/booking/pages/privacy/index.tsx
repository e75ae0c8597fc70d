import { View } from '@tarojs/components'
import { PageShell } from '@/ui/PageShell'
import '@/booking/components/booking.scss'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { bookingText } from '@/booking/strings'
import { usePageTitle } from '@/services/page-title'
import { PRIVACY_SECTIONS_EN, PRIVACY_SECTIONS_ZH } from '@/booking/privacy-text'

export default function PrivacyGuidePage() {
  const s = useStrings(bookingText)
  const SECTIONS = useLang() === 'en' ? PRIVACY_SECTIONS_EN : PRIVACY_SECTIONS_ZH
  usePageTitle(s('privacyTitle'))
  return (
    <PageShell>
        {SECTIONS.map((s) => (
          <View key={s.title} className="card">
            <View className="section-title" role="heading" aria-level={2}>
              {s.title}
            </View>
            {s.lines.map((line) => (
              <View key={line} className="bk-privacy__line">
                {line}
              </View>
            ))}
          </View>
        ))}
    </PageShell>
  )
}
