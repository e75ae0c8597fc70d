import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { noticeStore, useNotices } from './store'
import './notices.scss'

/** The museum's notices in force now, highest priority first; nothing when there are none. */
export function NoticeBanner() {
  const notices = useNotices()
  useEffect(() => {
    void noticeStore.getState().load()
  }, [])
  if (notices.length === 0) return null
  return (
    <View className="notices" role="region" aria-label="公告">
      {notices.map((n) => (
        <View key={n.id} className="notices__item card" data-notice={n.id}>
          <View className="notices__title">📢 {n.title}</View>
          <View className="notices__body">{n.body}</View>
        </View>
      ))}
    </View>
  )
}
