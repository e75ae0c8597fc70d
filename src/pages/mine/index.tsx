import { View } from '@tarojs/components'
import { careStore, useCare } from '@/care/store'
import { MineGuide } from '@/guide/components/MineGuide'
import { LangSwitch } from '@/i18n/LangSwitch'
import { useTabBarLanguage } from '@/i18n/tabbar'
import { useT } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'
import { PageShell } from '@/ui/PageShell'
import { Switch } from '@/ui/Switch'
import { usePageTitle } from '@/services/page-title'
import './index.scss'

// 我的: the visitor's own things, and the settings (care mode, language).
export default function MinePage() {
  useTabBarLanguage()
  const t = useT()
  const care = useCare((s) => s)
  usePageTitle(t('tab.mine'))
  return (
    <PageShell className="mine">
      <View className="mine__title" role="heading" aria-level={1}>
        {t('tab.mine')}
      </View>
      <CellGroup title={t('mine.bookings')}>
        <Cell icon="ticket" title={t('mine.myBookings')} onTap={() => openPage(paths.myBookings)} action="my-bookings" />
        <Cell icon="users" title={t('mine.visitors')} onTap={() => openPage(paths.visitors)} action="visitors" />
      </CellGroup>
      <CellGroup title={t('mine.transfer')}>
        <Cell icon="megaphone" title={t('mine.policyAlerts')} onTap={() => openPage(paths.policyAlerts)} action="policy-alerts" />
        <Cell icon="scroll-text" title={t('mine.myTransfer')} onTap={() => openPage(paths.transferMine)} action="my-transfer" />
      </CellGroup>
      <MineGuide />
      <CellGroup title={t('mine.settings')} footer={care.fromSystem ? t('mine.careFromSystem') : undefined}>
        <Cell
          icon="accessibility"
          title={t('mine.care')}
          label={t('mine.careText')}
          value={<Switch checked={care.on} label={t('mine.care')} action="care" onChange={(on) => careStore.getState().setCare(on)} />}
        />
        <Cell icon="languages" title={t('mine.language')} value={<LangSwitch />} />
      </CellGroup>
      <CellGroup title={t('mine.more')}>
        <Cell icon="info" title={t('home.sources')} onTap={() => openPage(paths.sources)} action="sources" />
        <Cell icon="shield-check" title={t('mine.staff')} onTap={() => openPage(paths.checkin)} action="staff" />
      </CellGroup>
    </PageShell>
  )
}
