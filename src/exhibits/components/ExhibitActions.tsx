import { View } from '@tarojs/components'
import type { Exhibit } from '@cloud/contracts/exhibit'
import { guideTrack } from '@/exhibits/audio-track'
import { trailLog, useTrail } from '@/guide/stamps'
import { useLang, useT } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Icon } from '@/ui/Icon'
import './exhibit-actions.scss'

/** Listen, save, and the stamp this visit earned: what a visitor does next on an exhibit page. */
export function ExhibitActions({ exhibit, stampedNow }: { exhibit: Exhibit; stampedNow: boolean }) {
  const t = useT()
  const lang = useLang()
  const trail = useTrail()
  const favourite = trail.favourites.includes(exhibit.code)
  const stamped = trail.stamps.some((s) => s.code === exhibit.code)
  const guide = guideTrack(exhibit, lang)
  return (
    <View className="exhibit-actions">
      {guide ? (
        <View className="btn exhibit-actions__listen" role="button" data-action="listen" onClick={() => openPage(paths.listen(exhibit.code, lang))}>
          <Icon name="headphones" color="white" />
          {t('exhibit.listen')}
          <View className="exhibit-actions__sub" data-voice={guide.recorded ? 'recorded' : 'machine'}>
            {t(guide.recorded ? 'exhibit.listenNoteRecorded' : 'exhibit.listenNote')}
          </View>
        </View>
      ) : (
        <View className="muted">{t('exhibit.noAudio')}</View>
      )}
      <View className="exhibit-actions__row">
        <View
          className={`chip exhibit-actions__fav ${favourite ? 'chip--on' : ''}`}
          role="button"
          aria-pressed={favourite}
          data-action="favourite"
          onClick={() => trailLog.toggleFavourite(exhibit.code)}
        >
          <Icon name="heart" size="s" color={favourite ? 'danger' : 'brand'} />
          {favourite ? t('exhibit.favourited') : t('exhibit.favourite')}
        </View>
        <View className={`chip exhibit-actions__trail ${stamped ? 'chip--on' : ''}`} role="button" data-action="trail" onClick={() => openPage(paths.trail)}>
          <Icon name="stamp" size="s" color={stamped ? 'danger' : 'brand'} />
          {stamped ? t('exhibit.stampedShort') : t('exhibit.trail')}
        </View>
      </View>
      {stamped && (
        <View className="exhibit-actions__stamp" data-stamped={stampedNow ? 'now' : 'before'}>
          {t('exhibit.stamped')}
        </View>
      )}
    </View>
  )
}
