import { asResult } from './result'

describe('asResult', () => {
  it('passes through well-formed answers', () => {
    expect(asResult({ ok: true, data: { a: 1 } })).toEqual({ ok: true, data: { a: 1 } })
    expect(asResult({ ok: false, error: { code: 'FULL', message: '该场次已约满' } })).toEqual({
      ok: false,
      error: { code: 'FULL', message: '该场次已约满' },
    })
  })

  it('turns anything else (an HTML error page, a crash) into an error a person can read', () => {
    for (const raw of ['<html>502</html>', null, undefined, { ok: false }, { data: 1 }]) {
      expect(asResult(raw)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } })
    }
  })
})
