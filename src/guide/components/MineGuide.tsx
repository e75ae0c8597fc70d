// The guide's part of 我的: the visit trail and the exhibits. One component so that pages/mine
// needs one line for it.
import { View } from '@tarojs/components'
import { useT } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'
import { useTrail } from '../stamps'

export function MineGuide() {
  const t = useT()
  const trail = useTrail()
  return (
    <CellGroup title={t('mine.trail')}>
      <Cell
        icon="footprints"
        title={t('mine.openTrail')}
        label={<View data-stamps={trail.stamps.length}>{trail.stamps.length > 0 ? t('mine.trailSummary', { n: trail.stamps.length }) : t('mine.trailEmpty')}</View>}
        onTap={() => openPage(paths.trail)}
        action="open-trail"
      />
      <Cell icon="landmark" title={t('mine.allExhibits')} onTap={() => openPage(paths.exhibits)} action="exhibits" />
    </CellGroup>
  )
}
