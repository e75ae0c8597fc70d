import { useEffect, useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { Icon } from '@/ui/Icon'
import { zoneText } from '@/zone/strings'
import './zone.scss'

interface Props {
  value: string
  placeholder: string
  onSearch: (q: string) => void
}

/**
 * Searches as the person types (after a short pause) and on the keyboard's search key. The box shows
 * what the list is searched for: when the page changes the query itself (清除搜索和筛选), the text
 * follows; the query this box sent itself does not overwrite what the person has typed since.
 */
export function SearchInput({ value, placeholder, onSearch }: Props) {
  const [text, setText] = useState(value)
  const s = useStrings(zoneText)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const sent = useRef(value)
  useEffect(() => {
    if (value === sent.current) return
    sent.current = value
    if (timer.current) clearTimeout(timer.current)
    setText(value)
  }, [value])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  const schedule = (q: string, delay: number) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      sent.current = q.trim()
      onSearch(q.trim())
    }, delay)
  }
  return (
    <View className="zone-search">
      <Icon name="search" color="muted" size="s" />
      <Input
        className="zone-search__input"
        value={text}
        placeholder={placeholder}
        confirmType="search"
        maxlength={40}
        onInput={(e) => {
          setText(e.detail.value)
          schedule(e.detail.value, 300)
        }}
        onConfirm={(e) => schedule(e.detail.value, 0)}
      />
      {text && (
        <View
          className="zone-search__clear"
          role="button"
          aria-label={s('clearSearch')}
          onClick={() => {
            setText('')
            schedule('', 0)
          }}
        >
          <Icon name="x" color="muted" size="s" />
        </View>
      )}
    </View>
  )
}
