import { View } from '@tarojs/components'
import { idTypeLabel, type VisitorView } from '@cloud/contracts/booking'

/** A saved visitor as a person recognises them: name, then the ID type and the masked number. */
export function VisitorIdentity({ visitor }: { visitor: Pick<VisitorView, 'name' | 'idType' | 'idMasked'> }) {
  return (
    <View className="bk-visitor__text">
      <View>{visitor.name}</View>
      <View className="bk-visitor__id">
        {idTypeLabel(visitor.idType)} {visitor.idMasked}
      </View>
    </View>
  )
}
