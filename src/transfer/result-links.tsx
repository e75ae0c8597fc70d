// The transfer section's public face for other features: links to the results an exhibit shows or
// a company took up (the train-door exhibit → its deal; 海天兴业's page → its results). A secondary
// section, as 相关政策: while it loads, or if the call fails, the page goes without it.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ResultSummary } from '@cloud/contracts/transfer'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { callCloud } from '@/services/cloud'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'

const cache = new Map<string, ResultSummary[]>()

export function ResultLinks({ by, title }: { by: { exhibit: string } | { company: string }; title: string }) {
  const en = useLang() === 'en'
  const key = 'exhibit' in by ? `e:${by.exhibit}` : `c:${by.company}`
  const [items, setItems] = useState<ResultSummary[] | undefined>(cache.get(key))
  useEffect(() => {
    if (cache.has(key)) return setItems(cache.get(key))
    let live = true
    void callCloud('transfer', 'results', 'exhibit' in by ? { exhibit: by.exhibit } : { company: by.company }).then((res) => {
      if (!res.ok) return
      cache.set(key, res.data.items)
      if (live) setItems(res.data.items)
    })
    return () => {
      live = false
    }
    // `key` names `by` entirely.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  if (!items?.length) return null
  return (
    <View data-section="transfer-results">
      <CellGroup title={title}>
        {items.map((r) => (
          <Cell key={r.id} action={`result-${r.id}`} icon="scroll-text" title={<Text data-content>{en && r.titleEn ? r.titleEn : r.title}</Text>} label={`TRL ${r.trl} · ${en && r.fieldEn ? r.fieldEn : r.field}`} onTap={() => openPage(paths.transferResult(r.id))} />
        ))}
      </CellGroup>
    </View>
  )
}
