import { View } from '@tarojs/components'
import { idTypeLabel, type VisitorView } from '@cloud/contracts/booking'
import { bookingText, ID_TYPE_EN } from '@/booking/strings'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'

/** A saved visitor as a person recognises them: name, then the ID type, the masked number and the age when known. */
export function VisitorIdentity({ visitor }: { visitor: Pick<VisitorView, 'name' | 'idType' | 'idMasked' | 'age'> }) {
  const lang = useLang()
  const s = useStrings(bookingText)
  return (
    <View className="bk-visitor__text">
      <View data-content>{visitor.name}</View>
      <View className="bk-visitor__id">
        {lang === 'en' ? ID_TYPE_EN[visitor.idType]?.label ?? idTypeLabel(visitor.idType) : idTypeLabel(visitor.idType)}{' '}
        {/* A child without an ID is shown by birth month ('儿童 2022-04'): the type label already says 儿童. */}
        {visitor.idType === 'child' ? visitor.idMasked.replace(/^儿童\s*/, '') : visitor.idMasked}
        {visitor.age !== undefined && ` · ${s('ageShort', { age: visitor.age })}`}
      </View>
    </View>
  )
}
