import { Image, View } from '@tarojs/components'
import type { Exhibit } from '@cloud/contracts/exhibit'
import { mediaUrl } from '@/services/media'
import './exhibit-view.scss'

export function ExhibitView({ exhibit }: { exhibit: Exhibit }) {
  return (
    <View className="exhibit" data-exhibit={exhibit.code}>
      <Image className="exhibit__image" src={mediaUrl(exhibit.image)} mode="aspectFill" ariaLabel={exhibit.imageAlt} />
      <View className="exhibit__body">
        <View className="exhibit__hall">
          {exhibit.hall}
          {exhibit.floor ? ` · ${exhibit.floor}` : ''}
        </View>
        <View className="exhibit__name" role="heading" aria-level={1}>
          {exhibit.name}
        </View>
        {exhibit.nameEn && <View className="exhibit__name-en">{exhibit.nameEn}</View>}

        {exhibit.figures.length > 0 && (
          <View className="exhibit__figures" aria-label="关键数据">
            {exhibit.figures.map((f) => (
              <View key={f.label} className="exhibit__figure">
                <View className="exhibit__figure-value">{f.value}</View>
                <View className="exhibit__figure-label">{f.label}</View>
              </View>
            ))}
          </View>
        )}

        <View className="exhibit__summary">{exhibit.summary}</View>

        <View className="exhibit__facts">
          <View className="exhibit__fact">
            <View className="exhibit__fact-key">研制企业</View>
            <View className="exhibit__fact-val">{exhibit.company.name}</View>
          </View>
          <View className="exhibit__fact">
            <View className="exhibit__fact-key">技术来源</View>
            <View className="exhibit__fact-val">{exhibit.origin}</View>
          </View>
        </View>
        {exhibit.source === 'illustrative' && <View className="exhibit__note">本展品介绍为示意内容</View>}
      </View>
    </View>
  )
}
