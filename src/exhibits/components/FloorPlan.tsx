import { View } from '@tarojs/components'
import type { GuideLang, HallWithExhibits } from '@cloud/contracts/exhibit'
import './floor-plan.scss'

const hallName = (h: HallWithExhibits, lang: GuideLang) => (lang === 'en' ? h.nameEn ?? h.name : h.name)

/**
 * A simple plan of one floor drawn from data (positioned views, which both weapp and H5 render):
 * the halls on that floor, the current hall highlighted and its exhibits numbered as in the list.
 * The layout is illustrative and says so.
 */
export function FloorPlan({ halls, current, lang }: { halls: HallWithExhibits[]; current: HallWithExhibits; lang: GuideLang }) {
  const floorHalls = halls.filter((h) => h.floor === current.floor && h.plan)
  const label =
    lang === 'en'
      ? `Illustrative plan of ${current.floor ?? 'the floor'}: ${hallName(current, lang)} highlighted, exhibits numbered as in the list below`
      : `${current.floor ?? ''}示意平面图：${hallName(current, lang)}已突出显示，展品编号与下方列表一致`
  return (
    <View className="floor-plan" role="img" aria-label={label} data-floor={current.floor}>
      <View className="floor-plan__canvas">
        {floorHalls.map((h) => (
          <View
            key={h.id}
            className={`floor-plan__hall ${h.id === current.id ? 'floor-plan__hall--on' : ''}`}
            style={{ left: `${h.plan!.x}%`, top: `${h.plan!.y}%`, width: `${h.plan!.w}%`, height: `${h.plan!.h}%` }}
            aria-hidden="true"
          >
            <View className="floor-plan__hall-name">{hallName(h, lang)}</View>
          </View>
        ))}
        {current.exhibits.map((e, i) =>
          e.plan ? (
            <View key={e.code} className="floor-plan__dot" style={{ left: `${e.plan.x}%`, top: `${e.plan.y}%` }} aria-hidden="true" data-dot={e.code}>
              {i + 1}
            </View>
          ) : null,
        )}
      </View>
      <View className="floor-plan__note">
        {current.floor ? `${current.floor} · ` : ''}
        {lang === 'en' ? 'Illustrative plan, not the real layout' : '示意图，不代表场馆实际布局'}
      </View>
    </View>
  )
}
