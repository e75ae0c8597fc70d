import type { ReactNode } from 'react'
import { Image, View } from '@tarojs/components'
import type { Exhibit, GuideLang } from '@cloud/contracts/exhibit'
import { translate } from '@/i18n/store'
import { mediaUrl } from '@/services/media'
import { companyPageUrl, openPage } from '@/services/navigate'
import { offlineSrc } from '@/services/offline-shell'
import { Icon } from '@/ui/Icon'
import { localizeExhibit } from '../localize'
import './exhibit-view.scss'

interface Props {
  exhibit: Exhibit
  lang?: GuideLang
  /** Floats over the top of the picture (the language switch). */
  bar?: ReactNode
  /** The visitor's next steps (listen, stamp, save): right under the name, on the first screen. */
  actions?: ReactNode
  /** After the facts (previous / next exhibit). */
  after?: ReactNode
}

export function ExhibitView({ exhibit, lang = 'zh', bar, actions, after }: Props) {
  const t = localizeExhibit(exhibit, lang)
  // Interface text follows the chosen language; content falls back to Chinese when it has no English.
  const ui = (k: Parameters<typeof translate>[1]) => translate(lang, k)
  return (
    <View className="exhibit" data-exhibit={exhibit.code} data-lang={t.lang}>
      <View className="exhibit__hero">
        <Image className="exhibit__image cover-img" src={offlineSrc(mediaUrl(exhibit.image))} mode="aspectFill" ariaLabel={t.imageAlt} nativeProps={{ alt: t.imageAlt }} />
      </View>
      <View className="exhibit__body">
        {/* The bar (language switch) shares the hall's row instead of covering a corner of the picture. */}
        <View className="exhibit__top">
          <View className="exhibit__hall">
            <Icon name="map-pin" size="s" />
            {t.hall}
            {exhibit.floor ? ` · ${exhibit.floor}` : ''}
          </View>
          {bar && <View className="exhibit__bar">{bar}</View>}
        </View>
        <View className="exhibit__name" role="heading" aria-level={1}>
          {t.name}
        </View>
        {/* The name in the other language, as written (Chinese under an English title). */}
        {t.altName && <View className="exhibit__name-en" data-content data-as-entered>{t.altName}</View>}
        {t.missingEnglish && (
          <View className="exhibit__no-en" role="note">
            {ui('exhibit.noEnglish')}
          </View>
        )}

        {actions}

        {t.figures.length > 0 && (
          <View className="exhibit__figures" aria-label={ui('exhibit.figures')}>
            {t.figures.map((f) => (
              <View key={f.label} className="exhibit__figure">
                <View className="exhibit__figure-value">{f.value}</View>
                <View className="exhibit__figure-label">{f.label}</View>
              </View>
            ))}
          </View>
        )}

        <View className="exhibit__summary">{t.summary}</View>

        <View className="exhibit__facts">
          {exhibit.company.id ? (
            // The company's page in 企业名录: who they are, what else they make, and the zone policies that fit it.
            <View className="exhibit__fact exhibit__link" role="link" onClick={() => openPage(companyPageUrl(exhibit.company.id!))}>
              <View className="exhibit__fact-key">{ui('exhibit.company')}</View>
              <View className="exhibit__fact-val">{t.company}</View>
              <Icon name="chevron-right" color="muted" size="s" />
            </View>
          ) : (
            <View className="exhibit__fact">
              <View className="exhibit__fact-key">{ui('exhibit.company')}</View>
              <View className="exhibit__fact-val">{t.company}</View>
            </View>
          )}
          {t.origin && (
            <View className="exhibit__fact">
              <View className="exhibit__fact-key">{ui('exhibit.origin')}</View>
              <View className="exhibit__fact-val">{t.origin}</View>
            </View>
          )}
        </View>
        {exhibit.source === 'illustrative' && <View className="exhibit__note">{ui('exhibit.illustrative')}</View>}
        {t.machineTranslated && (
          <View className="exhibit__note" data-translation="machine">
            {ui('exhibit.machineTranslation')}
          </View>
        )}
        {after}
      </View>
    </View>
  )
}
