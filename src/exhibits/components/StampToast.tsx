// The stamp moment: a seal presses onto the screen for a moment, and the same words are announced
// to screen readers through a live region that stays in the page.
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { useT } from '@/i18n/store'
import { Icon } from '@/ui/Icon'

export function StampToast({ show }: { show: boolean }) {
  const t = useT()
  const [visible, setVisible] = useState(show)
  useEffect(() => {
    if (!show) return
    setVisible(true)
    const timer = setTimeout(() => setVisible(false), 2400)
    return () => clearTimeout(timer)
  }, [show])
  return (
    <View>
      <View className="sr-only" role="status" aria-live="polite" data-stamp-announce>
        {show ? t('exhibit.stampedNow') : ''}
      </View>
      {visible && (
        <View className="toast stamp-toast" aria-hidden="true" data-stamp-toast>
          <View className="stamp-toast__seal">
            <Icon name="stamp" color="white" size="l" />
          </View>
          {t('exhibit.stampedNow')}
        </View>
      )}
    </View>
  )
}
