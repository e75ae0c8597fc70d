import { View } from '@tarojs/components'
import { idTypeLabel, type VisitorView } from '@cloud/contracts/booking'
import { ID_TYPE_EN } from '@/booking/strings'
import { useLang } from '@/i18n/store'

/** A saved visitor as a person recognises them: name, then the ID type and the masked number. */
export function VisitorIdentity({ visitor }: { visitor: Pick<VisitorView, 'name' | 'idType' | 'idMasked'> }) {
  const lang = useLang()
  return (
    <View className="bk-visitor__text">
      <View data-content>{visitor.name}</View>
      <View className="bk-visitor__id">
        {lang === 'en' ? ID_TYPE_EN[visitor.idType]?.label ?? idTypeLabel(visitor.idType) : idTypeLabel(visitor.idType)} {visitor.idMasked}
      </View>
    </View>
  )
}
