import { View } from '@tarojs/components'
import type { Exhibit } from '@cloud/contracts/exhibit'
import { trailLog, useTrail } from '@/guide/stamps'
import { useLang, useT } from '@/i18n/store'
import { openPage } from '@/services/navigate'
import './exhibit-actions.scss'

/** Listen, save, and the stamp this visit earned: what a visitor does next on an exhibit page. */
export function ExhibitActions({ exhibit, stampedNow }: { exhibit: Exhibit; stampedNow: boolean }) {
  const t = useT()
  const lang = useLang()
  const trail = useTrail()
  const favourite = trail.favourites.includes(exhibit.code)
  const stamped = trail.stamps.some((s) => s.code === exhibit.code)
  const hasAudio = Boolean(exhibit.audio?.zh || exhibit.audio?.en)
  return (
    <View className="exhibit-actions">
      {hasAudio ? (
        <View className="btn exhibit-actions__listen" role="button" data-action="listen" onClick={() => openPage(`/guide/pages/listen/index?id=${encodeURIComponent(exhibit.code)}&lang=${lang}`)}>
          ▶ {t('exhibit.listen')}
          <View className="exhibit-actions__sub">（{t('exhibit.listenNote')}）</View>
        </View>
      ) : (
        <View className="muted">{t('exhibit.noAudio')}</View>
      )}
      <View className="exhibit-actions__row">
        <View
          className="btn btn--ghost exhibit-actions__fav"
          role="button"
          aria-pressed={favourite}
          data-action="favourite"
          onClick={() => trailLog.toggleFavourite(exhibit.code)}
        >
          {favourite ? `★ ${t('exhibit.favourited')}` : `☆ ${t('exhibit.favourite')}`}
        </View>
        <View className="btn btn--ghost exhibit-actions__trail" role="button" data-action="trail" onClick={() => openPage('/guide/pages/trail/index')}>
          {t('exhibit.trail')}
        </View>
      </View>
      {stamped && (
        <View className="exhibit-actions__stamp" data-stamped={stampedNow ? 'now' : 'before'}>
          <View className="exhibit-actions__seal" aria-hidden="true">
            章
          </View>
          {t('exhibit.stamped')}
        </View>
      )}
    </View>
  )
}
