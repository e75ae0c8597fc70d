// The guide's part of 我的: language, care mode and the visit trail. One component so that the
// edit to pages/mine stays one line.
import { View } from '@tarojs/components'
import { careStore, useCare } from '@/care/store'
import { LangSwitch } from '@/i18n/LangSwitch'
import { useT } from '@/i18n/store'
import { openPage } from '@/services/navigate'
import { useTrail } from '../stamps'
import './mine-guide.scss'
import { paths } from '@/paths'

export function MineGuide() {
  const t = useT()
  const care = useCare((s) => s)
  const trail = useTrail()
  return (
    <View className="mine-guide">
      <View className="card">
        <View className="section-title" role="heading" aria-level={2}>
          {t('mine.trail')}
        </View>
        <View className="mine-guide__summary" data-stamps={trail.stamps.length}>
          {trail.stamps.length > 0 ? t('mine.trailSummary', { n: trail.stamps.length }) : t('mine.trailEmpty')}
        </View>
        <View className="btn btn--ghost" role="button" data-action="open-trail" onClick={() => openPage(paths.trail)}>
          {t('mine.openTrail')}
        </View>
      </View>
      <View className="card">
        <View className="section-title" role="heading" aria-level={2}>
          {t('mine.care')}
        </View>
        <View className="mine-guide__row">
          <View className="mine-guide__text">
            {t('mine.careText')}
            {care.fromSystem && <View className="muted">{t('mine.careFromSystem')}</View>}
          </View>
          <View
            className={`mine-guide__switch ${care.on ? 'mine-guide__switch--on' : ''}`}
            role="switch"
            aria-checked={care.on}
            data-action="care"
            onClick={() => careStore.getState().setCare(!care.on)}
          >
            {t('mine.care')}：{care.on ? t('mine.careOn') : t('mine.careOff')}
          </View>
        </View>
      </View>
      <View className="card">
        <View className="section-title" role="heading" aria-level={2}>
          {t('mine.language')}
        </View>
        <LangSwitch />
      </View>
    </View>
  )
}
