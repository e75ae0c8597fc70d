// Previous / next exhibit in the same hall, from the hall list (fetched once, kept offline) or,
// until it has come, from the offline pack's copy of it — so a cold scan shows the way on at once.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { offlinePack, useExhibits } from '@/exhibits/store'
import { translate } from '@/i18n/store'
import { paths } from '@/paths'
import { Icon } from '@/ui/Icon'

export function HallNeighbours({ code, hallId, lang }: { code: string; hallId: string; lang: GuideLang }) {
  const loaded = useExhibits((s) => s.halls)
  const halls = loaded.status === 'ready' ? loaded.data : offlinePack.halls()?.value
  if (!halls) return null
  const list = halls.find((h) => h.id === hallId)?.exhibits ?? []
  const i = list.findIndex((e) => e.code === code)
  if (i < 0 || list.length < 2) return null
  const prev = i > 0 ? list[i - 1] : null
  const next = i < list.length - 1 ? list[i + 1] : null
  const name = (e: (typeof list)[number]) => (lang === 'en' && e.nameEn ? e.nameEn : e.name)
  // redirectTo: walking along a hall replaces the page instead of stacking one per exhibit.
  const go = (c: string) => void Taro.redirectTo({ url: paths.exhibit(c) })
  return (
    <View className="hall-nav" role="navigation" aria-label={translate(lang, 'exhibit.hallNav')}>
      {prev ? (
        <View className="hall-nav__item" role="link" data-nav="prev" onClick={() => go(prev.code)}>
          <View className="hall-nav__dir">
            <Icon name="chevron-left" size="s" color="muted" />
            {translate(lang, 'exhibit.prev')}
          </View>
          <View className="hall-nav__name">{name(prev)}</View>
        </View>
      ) : (
        <View className="hall-nav__item hall-nav__item--empty" aria-hidden="true" />
      )}
      {next ? (
        <View className="hall-nav__item hall-nav__item--next" role="link" data-nav="next" onClick={() => go(next.code)}>
          <View className="hall-nav__dir">
            {translate(lang, 'exhibit.next')}
            <Icon name="chevron-right" size="s" color="muted" />
          </View>
          <View className="hall-nav__name">{name(next)}</View>
        </View>
      ) : (
        <View className="hall-nav__item hall-nav__item--empty" aria-hidden="true" />
      )}
    </View>
  )
}
