import { createHtmlAudioPlayer } from './player'

class FakeAudio extends EventTarget {
  src = ''
  preload = ''
  currentTime = 0
  duration = NaN
  paused = true
  async play() {
    this.paused = false
    this.dispatchEvent(new Event('play'))
  }
  pause() {
    this.paused = true
    this.dispatchEvent(new Event('pause'))
  }
}

describe('H5 audio player', () => {
  it('plays a track, reports progress and pauses', async () => {
    const fake = new FakeAudio()
    const player = createHtmlAudioPlayer(() => fake as unknown as HTMLAudioElement)
    const seen: boolean[] = []
    player.subscribe((s) => seen.push(s.playing))
    player.play({ src: '/media/audio/helmet.zh.mp3', title: '头盔', seconds: 40 })
    await Promise.resolve()
    expect(fake.src).toBe('/media/audio/helmet.zh.mp3')
    expect(player.state()).toMatchObject({ playing: true, duration: 40 })
    fake.currentTime = 12
    fake.dispatchEvent(new Event('timeupdate'))
    expect(player.state().position).toBe(12)
    player.pause()
    expect(player.state().playing).toBe(false)
    // Playing the same track again resumes rather than restarting.
    player.play({ src: '/media/audio/helmet.zh.mp3', title: '头盔', seconds: 40 })
    expect(fake.currentTime).toBe(12)
    expect(seen).toContain(true)
  })

  it('says so when the audio cannot be loaded', () => {
    const fake = new FakeAudio()
    const player = createHtmlAudioPlayer(() => fake as unknown as HTMLAudioElement)
    player.play({ src: '/x.mp3', title: 'x', seconds: 1 })
    fake.dispatchEvent(new Event('error'))
    expect(player.state().error).toBe('load')
  })
})
