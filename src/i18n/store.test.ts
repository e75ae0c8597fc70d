import { memoryStorage } from '@/services/storage'
import { en, zh } from './dict'
import { createLangStore, LANG_KEY, translate } from './store'

describe('language', () => {
  it('starts in Chinese, and remembers English across a restart', () => {
    const storage = memoryStorage()
    const changed: string[] = []
    const store = createLangStore(storage, (l) => changed.push(l))
    expect(store.getState().lang).toBe('zh')
    store.getState().setLang('en')
    expect(storage.get(LANG_KEY)).toBe('en')
    expect(createLangStore(storage).getState().lang).toBe('en')
    expect(changed).toEqual(['en'])
  })

  it('ignores a stored value it does not know', () => {
    const storage = memoryStorage()
    storage.set(LANG_KEY, 'fr')
    expect(createLangStore(storage).getState().lang).toBe('zh')
  })

  it('has every interface string in English, filled in', () => {
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect([key, typeof en[key]]).toEqual([key, 'string'])
      if (zh[key]) expect([key, en[key].length > 0]).toEqual([key, true])
    }
    expect(translate('en', 'mine.trailSummary', { n: 3 })).toBe('Exhibits stamped: 3')
    expect(translate('zh', 'tab.mine')).toBe('我的')
  })
})
