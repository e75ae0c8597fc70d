import { Text, View } from '@tarojs/components'
import type { EnglishNote, Shown } from '@/zone/localize'
import { useStrings } from '@/i18n/strings'
import { zoneText } from '@/zone/strings'
import './zone.scss'

/**
 * Zone content as the visitor reads it. Always `data-content` (entered by the zone office, not
 * interface text); `data-zh-only` when an English page shows the Chinese because the English was
 * left empty — what the English coverage measure counts against the page.
 */
export function Content({ shown, block, className }: { shown: Shown; block?: boolean; className?: string }) {
  const zhOnly = shown.zhOnly ? true : undefined
  return block ? (
    <View className={className} data-content data-zh-only={zhOnly}>
      {shown.text}
    </View>
  ) : (
    <Text className={className} data-content data-zh-only={zhOnly}>
      {shown.text}
    </Text>
  )
}

/** What an English page says about a record's English (nothing on a Chinese page). */
export function EnglishNoteLine({ note, what }: { note: EnglishNote | null; what: 'company' | 'policy' | 'figures' }) {
  const s = useStrings(zoneText)
  if (!note) return null
  return (
    <View className="zone-note zone-english-note" role="note" data-english={note.missing ?? 'unreviewed'}>
      {note.missing === 'all' && <View>{s(what === 'company' ? 'noEnglishCompany' : what === 'policy' ? 'noEnglishPolicy' : 'noEnglishFigures')}</View>}
      {note.missing === 'some' && <View>{s('someEnglishMissing')}</View>}
      {note.unreviewed && <View>{s('englishUnreviewed')}</View>}
    </View>
  )
}
