// 数据来源与说明: the one place that says where the app's content comes from and what is
// illustrative, so the visitor pages themselves need not narrate it.
import { View } from '@tarojs/components'
import museum from '@data/museum.json'
import { useLang } from '@/i18n/store'
import { defineStrings, useStrings } from '@/i18n/strings'
import { CellGroup } from '@/ui/Cell'
import { PageShell } from '@/ui/PageShell'
import { usePageTitle } from '@/services/page-title'
import './index.scss'

type Key = 'title' | 'intro' | 'sourceH' | 'source' | 'illusH' | 'museum' | 'booking' | 'exhibits' | 'zone' | 'figures' | 'langH' | 'english' | 'audio' | 'mark' | 'official'

const S = defineStrings<Key>(
  {
    title: '数据来源与说明',
    intro: '本应用为演示项目，内容以场馆与高新区官方发布为准。',
    sourceH: '内容来源',
    source: '展品名称与介绍、企业、区情数据与政策名称出自新闻报道《大连高新区成为科技聚集地创新孵化器》（约2023年5月）。',
    illusH: '示意内容',
    museum: '场馆：开放时间、地址写法与入馆规则为示意。',
    booking: '预约：场次时间与“周一闭馆（法定节假日除外）”依据场馆公告写法；每场容量、放票时间、取消截止与未到场规则为示意。',
    exhibits: '展品：报道未写研发来源的展品不显示“技术来源”；标有“示意”的介绍为本应用编写；展品图片为示意插图，馆方上传实物照片后即替换。',
    zone: '企业与政策：报道之外的企业信息、政策条款与计算器规则为示意，申报以政策原文为准。',
    figures: '区情数据：报道未写年份，“约2023年5月”据“天舟六号”与“5月12日开馆”推断；“约2022年度”为报道所称“上年度”。',
    langH: '语言与语音',
    english: '英文文本为本应用机器翻译，未经场馆审校。',
    audio: '语音讲解为机器合成语音，非真人讲解。',
    mark: '页面上的“示意”小标记表示该数字或金额为示意，请以官方公告为准。',
    official: '如有出入，以大连高新区科技馆与高新区管委会官方发布为准。',
  },
  {
    title: 'Sources and notes',
    intro: 'This app is a demonstration; the museum and the zone\'s official announcements take precedence.',
    sourceH: 'Where the content comes from',
    source: 'Exhibit names and descriptions, companies, zone figures and policy names come from the news feature "Dalian High-tech Zone: a gathering place for technology and an incubator of innovation" (about May 2023).',
    illusH: 'Illustrative content',
    museum: 'Museum: opening hours, address wording and admission rules are illustrative.',
    booking: 'Booking: session times and "closed on Mondays (except public holidays)" follow the museum\'s notices; capacity, release times, cancellation deadlines and the no-show rule are illustrative.',
    exhibits: 'Exhibits: where the article does not say where the research came from, no origin is shown; descriptions marked "illustrative" were written for this app; exhibit pictures are illustrations until the museum uploads photos.',
    zone: 'Companies and policies: company details, policy terms and calculator rules beyond the article are illustrative; apply according to the official policy text.',
    figures: 'Zone figures: the article gives no year; "about May 2023" is inferred from the Tianzhou-6 launch and the 12 May opening; "about 2022" is the article\'s "last year".',
    langH: 'Language and audio',
    english: 'English text is machine-translated for this app and not reviewed by the museum.',
    audio: 'Audio guides use a machine-synthesised voice.',
    mark: 'A small "illustrative" mark beside a number or amount means it is illustrative; check the official notice.',
    official: 'Where anything differs, the official announcements of the museum and the zone administration apply.',
  },
)

export default function SourcesPage() {
  const s = useStrings(S)
  const lang = useLang()
  usePageTitle(s('title'))
  const para = (k: Key) => (
    <View className="sources__item" key={k}>
      {s(k)}
    </View>
  )
  return (
    <PageShell className="sources">
      <View className="section-title" role="heading" aria-level={1}>
        {s('title')}
      </View>
      <View className="muted sources__intro">{s('intro')}</View>
      <CellGroup title={s('sourceH')}>{[para('source')]}</CellGroup>
      <CellGroup title={s('illusH')}>{(['museum', 'booking', 'exhibits', 'zone', 'figures', 'mark'] as Key[]).map(para)}</CellGroup>
      <CellGroup title={s('langH')}>{(['english', 'audio'] as Key[]).map(para)}</CellGroup>
      <View className="muted sources__intro">{s('official')}</View>
      <View className="muted sources__intro" data-museum-note>
        {lang === 'en' ? museum.en.sourceNote : museum.sourceNote}
      </View>
    </PageShell>
  )
}
