import { functions } from '../functions'
import { FUNCTION_LOADERS, loadFunction } from './functions'

describe('the runtime loads each cloud function at its first call', () => {
  it('serves exactly the functions the WeChat build deploys, each the same one', async () => {
    expect(Object.keys(FUNCTION_LOADERS).sort()).toEqual(Object.keys(functions).sort())
    for (const [name, fn] of Object.entries(functions)) expect(await loadFunction(name)).toBe(fn)
  })

  it('knows no other name, not even an inherited one', () => {
    expect(loadFunction('nosuch')).toBeUndefined()
    expect(loadFunction('toString')).toBeUndefined()
    expect(loadFunction('__proto__')).toBeUndefined()
  })
})
