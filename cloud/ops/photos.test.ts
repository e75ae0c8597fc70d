// sharp is native: on a cloud runtime whose glibc or Node it does not fit, loading it throws. The
// upload must then answer a clear refusal instead of failing the whole call with a stack trace.
describe('preparePhoto when sharp cannot load (the cloud runtime lacks what the native binary needs)', () => {
  afterEach(() => jest.resetModules())

  it('answers PHOTO_PROCESSOR_UNAVAILABLE with a message saying what to do, and does not throw', async () => {
    jest.doMock('sharp', () => {
      throw new Error("Could not load the \"sharp\" module using the linux-x64 runtime: /lib64/libc.so.6: version `GLIBC_2.28' not found")
    })
    const { preparePhoto, PhotoErrors } = await import('./photos')
    const result = await preparePhoto(Buffer.from('not really a photo'))
    expect(result).toEqual({ ok: false, code: 'PHOTO_PROCESSOR_UNAVAILABLE' })
    expect(PhotoErrors.PHOTO_PROCESSOR_UNAVAILABLE).toMatch(/图片处理组件.*无法加载/)
  })
})
