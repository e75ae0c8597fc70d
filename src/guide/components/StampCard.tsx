import { View } from '@tarojs/components'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import { guideText } from '../strings'
import type { HallCard } from '../trail'
import './stamp-card.scss'

/** One hall's stamp card: a seal per exhibit, stamped or waiting, and the hall badge when complete. */
export function StampCard({ card, lang }: { card: HallCard; lang: GuideLang }) {
  const hallName = lang === 'en' ? card.hall.nameEn ?? card.hall.name : card.hall.name
  return (
    <View className={`card stamp-card ${card.badge ? 'stamp-card--done' : ''}`} data-hall={card.hall.id}>
      <View className="stamp-card__head">
        <View className="stamp-card__hall" role="heading" aria-level={2}>
          {hallName}
        </View>
        <View className="stamp-card__count">{guideText(lang, 'progressCount', { n: card.stamped, total: card.total })}</View>
      </View>
      {card.badge && (
        <View className="stamp-card__badge" data-badge={card.hall.id}>
          ★ {guideText(lang, 'badge', { hall: hallName })}
        </View>
      )}
      <View className="stamp-card__slots">
        {card.slots.map((s) => {
          const name = lang === 'en' ? s.nameEn ?? s.name : s.name
          const status = guideText(lang, s.stamped ? 'stamped' : 'notYet')
          return (
            <View
              key={s.code}
              className={`stamp-card__slot ${s.stamped ? 'stamp-card__slot--on' : ''}`}
              data-stamp={s.code}
              data-stamped={s.stamped ? 'yes' : 'no'}
              role="link"
              onClick={() => openPage(exhibitPageUrl(s.code))}
            >
              <View className="stamp-card__seal" aria-hidden="true">
                {s.stamped ? (lang === 'en' ? '✓' : '章') : '○'}
              </View>
              <View className="stamp-card__name">{name}</View>
              <View className="stamp-card__status">{status}</View>
            </View>
          )
        })}
      </View>
    </View>
  )
}
