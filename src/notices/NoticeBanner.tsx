import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useLang } from '@/i18n/store'
import { Icon } from '@/ui/Icon'
import { noticeStore, useNotices } from './store'
import './notices.scss'

/** The museum's notices in force now (from the console), highest priority first; nothing when there are none. */
export function NoticeBanner() {
  const notices = useNotices()
  const lang = useLang()
  useEffect(() => {
    void noticeStore.getState().load()
  }, [])
  if (notices.length === 0) return null
  return (
    <View className="notices" role="region" aria-label={lang === 'en' ? 'Notices' : '场馆公告'}>
      {notices.map((n) => (
        <View key={n.id} className="notices__item" data-notice={n.id}>
          <Icon name="megaphone" color="accent" size="s" />
          <View className="notices__text" data-content>
            <View className="notices__title">{n.title}</View>
            <View className="notices__body">{n.body}</View>
          </View>
        </View>
      ))}
    </View>
  )
}
