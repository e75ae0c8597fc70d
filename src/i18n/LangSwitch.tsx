import { View } from '@tarojs/components'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { applyTabBarLanguage } from './tabbar'
import { langStore, useLang } from './store'
import './lang-switch.scss'

const OPTIONS: Array<{ lang: GuideLang; label: string }> = [
  { lang: 'zh', label: '中文' },
  { lang: 'en', label: 'English' },
]

/** 中文 / English: two buttons, the current one pressed. Each label is written in its own language. */
export function LangSwitch() {
  const lang = useLang()
  const choose = (next: GuideLang) => {
    if (next === lang) return
    langStore.getState().setLang(next)
    applyTabBarLanguage(next)
  }
  return (
    <View className="lang-switch" role="group" aria-label="语言 / Language" data-lang={lang}>
      {OPTIONS.map((o) => (
        <View
          key={o.lang}
          className={`lang-switch__opt ${lang === o.lang ? 'lang-switch__opt--on' : ''}`}
          role="button"
          aria-pressed={lang === o.lang}
          data-lang-option={o.lang}
          onClick={() => choose(o.lang)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
