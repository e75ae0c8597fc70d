// The home page's notice slot. Until operator notices exist (the console's notices store), it
// shows the museum's notices from data (data/museum.json `notices`), and nothing when there are none.
import { View } from '@tarojs/components'
import museum from '@data/museum.json'
import { useLang } from '@/i18n/store'
import { Icon } from '@/ui/Icon'

interface DataNotice {
  id: string
  text: string
  textEn?: string
}

export function NoticeSlot() {
  const lang = useLang()
  const notices = ((museum as { notices?: DataNotice[] }).notices ?? []).filter((n) => n.text)
  if (notices.length === 0) return null
  return (
    <View className="notice" role="region" aria-label={lang === 'en' ? 'Notices' : '场馆公告'}>
      {notices.map((n) => (
        <View key={n.id} className="notice__item">
          <Icon name="megaphone" color="accent" size="s" />
          <View className="notice__text">{lang === 'en' && n.textEn ? n.textEn : n.text}</View>
        </View>
      ))}
    </View>
  )
}
