import { View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Icon } from '@/ui/Icon'
import { PageShell } from '@/ui/PageShell'
import { missingText } from './strings'
import '@/ui/status.scss'

// Where an unknown route lands (the app's usePageNotFound sends it here, on H5 and weapp): instead of
// a blank page with no tab bar, it says so and offers the way home.
export default function MissingPage() {
  const s = useStrings(missingText)
  return (
    <PageShell className="missing">
      <View className="status" data-page-missing>
        <Icon name="search" color="muted" size="l" className="status__icon" />
        <View className="status__title" role="heading" aria-level={1}>
          {s('title')}
        </View>
        <View className="status__text">{s('text')}</View>
        <View className="status__actions">
          <View className="btn" role="button" data-action="home" onClick={() => openPage(paths.home)}>
            {s('home')}
          </View>
          <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.exhibits)}>
            {s('exhibits')}
          </View>
        </View>
      </View>
    </PageShell>
  )
}
