import { View } from '@tarojs/components'
import { useT } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Icon } from '@/ui/Icon'
import '@/ui/status.scss'

/** The friendly end of a bad or outdated code: says what happened and offers a way on. */
export function ExhibitNotFound({ reason }: { reason: 'missing' | 'malformed' | 'unknown' }) {
  const t = useT()
  return (
    <View className="status" data-testid="exhibit-not-found">
      <Icon name="search" color="muted" size="l" className="status__icon" />
      <View className="status__title" role="heading" aria-level={1}>
        {t('notFound.title')}
      </View>
      <View className="status__text">{t(reason === 'unknown' ? 'notFound.unknown' : 'notFound.malformed')}</View>
      <View className="status__actions">
        <View className="btn" role="button" onClick={() => openPage(paths.exhibits)}>
          {t('exhibit.all')}
        </View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.home)}>
          {t('notFound.home')}
        </View>
      </View>
    </View>
  )
}
