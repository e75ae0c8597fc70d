// The console's actions: Audio guides: an operator's recording, one spoken again from the text, and the decision on a stale one.
import { audioScript, hasEnglish, type AudioTrack, type Exhibit, type GuideLang } from '../../contracts/exhibit'
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { recordChange } from '../../ops/audit'
import { checkAudio } from '../../ops/audio'
import { textHash, withAudio } from '../../exhibits/audio'
import { readAudioManifest } from '../../store/seed'
import { defineAction, type CallContext } from '../types'
import { ConsoleErrors } from './errors'

/** Puts one language's guide track on the exhibit and records the change. */
async function saveTrack(ctx: CallContext, action: string, before: Exhibit, lang: GuideLang, track: AudioTrack, source: 'upload' | 'prepared' | 'synthesised') {
  const after: Exhibit = { ...before, audio: { ...before.audio, [lang]: track } }
  await ctx.store.content.putExhibit(after)
  await recordChange(ctx, action, `${before.code}.${lang}`, before.audio?.[lang] ?? null, { ...track, source })
  return ok({ exhibit: after, track, source })
}

export const audioActions = {
  /** An operator's recording replaces the guide in one language; visitors hear it at once. */
  uploadAudio: defineAction({
    schema: ConsoleRequests.uploadAudio,
    roles: CONSOLE_ROLES.content,
    handle: async ({ code, lang, data, voice }, ctx) => {
      if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
      const before = await ctx.store.content.getExhibit(code)
      if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
      if (lang === 'en' && !hasEnglish(before)) return fail('AUDIO_NO_ENGLISH', ConsoleErrors.AUDIO_NO_ENGLISH)
      const bytes = Buffer.from(data, 'base64')
      const audio = await checkAudio(bytes)
      if (!audio.ok) return fail(audio.code, ConsoleErrors[audio.code])
      const url = await ctx.media.save(`audio/${code}.${lang}.${audio.digest}.${audio.kind.ext}`, bytes, audio.kind.contentType)
      return saveTrack(ctx, 'console.uploadAudio', before, lang, { url, seconds: audio.seconds, voice: voice || '馆方录音', recorded: true }, 'upload')
    },
  }),
  /** Back to a guide spoken from the current text: the prepared recording (npm run audio) when it
   *  still matches the text, else a fresh one from the synthesiser where this runtime has one. */
  regenerateAudio: defineAction({
    schema: ConsoleRequests.regenerateAudio,
    roles: CONSOLE_ROLES.content,
    handle: async ({ code, lang }, ctx) => {
      const before = await ctx.store.content.getExhibit(code)
      if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
      const text = audioScript(before, lang)
      if (!text) return fail('AUDIO_NO_ENGLISH', ConsoleErrors.AUDIO_NO_ENGLISH)
      const prepared = withAudio({ ...before, audio: undefined }, readAudioManifest()).audio?.[lang]
      if (prepared) return saveTrack(ctx, 'console.regenerateAudio', before, lang, prepared, 'prepared')
      if (!ctx.speech?.available()) return fail('AUDIO_GENERATOR_UNAVAILABLE', ConsoleErrors.AUDIO_GENERATOR_UNAVAILABLE)
      if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
      const speech = await ctx.speech.synthesise(text, lang)
      const url = await ctx.media.save(`audio/${code}.${lang}.${textHash(text).slice(0, 12)}.mp3`, speech.mp3, 'audio/mpeg')
      return saveTrack(ctx, 'console.regenerateAudio', before, lang, { url, seconds: speech.seconds, voice: speech.voice }, 'synthesised')
    },
  }),
  /** The operator's decision on a stale recording: keep it for the new text, or take it off. */
  decideAudio: defineAction({
    schema: ConsoleRequests.decideAudio,
    roles: CONSOLE_ROLES.content,
    handle: async ({ code, lang, decision }, ctx) => {
      const before = await ctx.store.content.getExhibit(code)
      if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
      const track = before.audio?.[lang]
      if (!track) return fail('AUDIO_NOT_FOUND', ConsoleErrors.AUDIO_NOT_FOUND)
      const audio = { ...before.audio }
      if (decision === 'remove') delete audio[lang]
      else {
        const kept = { ...track }
        delete kept.stale
        audio[lang] = kept
      }
      const after: Exhibit = { ...before, audio }
      if (!Object.keys(audio).length) delete after.audio
      await ctx.store.content.putExhibit(after)
      await recordChange(ctx, 'console.decideAudio', `${code}.${lang}`, track, after.audio?.[lang] ?? null)
      return ok({ exhibit: after })
    },
  }),
}
