// Where a visitor goes from an exhibit: home, booking a visit, and every exhibit with the floor plan.
// A scan opens the exhibit page as the first page (no back button on H5, a lone page on weapp), so
// without these the page would be a dead end.
import { View } from '@tarojs/components'
import { useT } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Icon, type IconName } from '@/ui/Icon'

const LINKS: Array<{ key: string; icon: IconName; label: 'tab.home' | 'onward.book' | 'onward.all'; path: string }> = [
  { key: 'home', icon: 'house', label: 'tab.home', path: paths.home },
  { key: 'book', icon: 'calendar-days', label: 'onward.book', path: paths.calendar },
  { key: 'all', icon: 'map', label: 'onward.all', path: paths.exhibits },
]

export function ExhibitOnward() {
  const t = useT()
  return (
    <View className="onward" role="navigation" aria-label={t('onward.title')}>
      {LINKS.map((l) => (
        <View key={l.key} className="onward__link" role="link" data-onward={l.key} onClick={() => openPage(l.path)}>
          <Icon name={l.icon} color="brand" />
          <View className="onward__label">{t(l.label)}</View>
        </View>
      ))}
    </View>
  )
}
