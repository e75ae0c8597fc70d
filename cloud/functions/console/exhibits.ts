// The console's exhibits: the list, the edit form, the photo, the printable code sheet, and the audio guides.
import { audioScript, hasEnglish, type AudioTrack, type Exhibit, type GuideLang, type Hall } from '../../contracts/exhibit'
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { recordChange } from '../../ops/audit'
import { sheetHtml, sheetItemsOf } from '../../ops/code-sheet'
import { PhotoErrors, preparePhoto } from '../../ops/photos'
import { checkAudio } from '../../ops/audio'
import { GUIDE_LANGS, textHash, withAudio } from '../../exhibits/audio'
import { readAudioManifest } from '../../store/seed'
import { defineAction, type CallContext } from '../types'
import { ConsoleErrors } from './errors'
import { uploadedBytes } from './uploads'
import { publicOrigin } from './qrsheet'

/** An exhibit carries its hall's name and floor (the exhibit page reads them without a second
 *  lookup): those of this hall, not what it carried from a previous one. */
export function inHall(e: Exhibit, hall: Hall): Exhibit {
  const out: Exhibit = { ...e, hall: hall.name }
  if (hall.nameEn) out.hallEn = hall.nameEn
  else delete out.hallEn
  if (hall.floor) out.floor = hall.floor
  else delete out.floor
  return out
}

/** Puts one language's guide track on the exhibit and records the change. */
async function saveTrack(ctx: CallContext, action: string, before: Exhibit, lang: GuideLang, track: AudioTrack, source: 'upload' | 'prepared' | 'synthesised') {
  const after: Exhibit = { ...before, audio: { ...before.audio, [lang]: track } }
  await ctx.store.content.putExhibit(after)
  await recordChange(ctx, action, `${before.code}.${lang}`, before.audio?.[lang] ?? null, { ...track, source })
  return ok({ exhibit: after, track, source })
}

export const exhibitsActions = {
  exhibits: defineAction({
    schema: ConsoleRequests.exhibits,
    roles: CONSOLE_ROLES.content,
    handle: async (_req, ctx) => {
      const [halls, exhibits] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
      return ok({ halls, exhibits })
    },
  }),
  saveExhibit: defineAction({
    schema: ConsoleRequests.saveExhibit,
    roles: CONSOLE_ROLES.content,
    handle: async ({ published, isNew, ...edit }, ctx) => {
      const existing = await ctx.store.content.getExhibit(edit.code)
      if (isNew && existing) return fail('EXHIBIT_CODE_TAKEN', ConsoleErrors.EXHIBIT_CODE_TAKEN, { code: ConsoleErrors.EXHIBIT_CODE_TAKEN })
      if (!isNew && !existing) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
      const hall = (await ctx.store.content.listHalls()).find((h) => h.id === edit.hallId)
      if (!hall) return fail('HALL_NOT_FOUND', ConsoleErrors.HALL_NOT_FOUND, { hallId: ConsoleErrors.HALL_NOT_FOUND })
      // A new exhibit starts without a photo: it can be saved, but not shown to visitors until one is uploaded.
      const before: Exhibit =
        existing ?? { code: edit.code, name: edit.name, hall: hall.name, hallId: hall.id, image: '', imageAlt: edit.imageAlt, summary: edit.summary, figures: [], company: edit.company, sort: (await ctx.store.content.listExhibits()).reduce((m, e) => Math.max(m, e.sort), 0) + 1, source: 'illustrative', sourceNote: '馆方在管理后台录入' }
      if (published && !before.image) return fail('EXHIBIT_NO_PHOTO', ConsoleErrors.EXHIBIT_NO_PHOTO, { published: ConsoleErrors.EXHIBIT_NO_PHOTO })
      const after = inHall({ ...before, ...edit }, hall)
      // An operator's words replace the illustrative seed text: the 示意 marking goes, and any
      // recorded audio no longer matches the text.
      after.source = 'article' === before.source ? 'article' : 'illustrative'
      // A recording that no longer speaks its language's text is kept (visitors still hear it) and
      // marked stale, per language: the operator keeps, regenerates or removes it (decideAudio).
      if (before.audio) {
        const audio = { ...before.audio }
        for (const lang of GUIDE_LANGS) {
          const track = audio[lang]
          if (track && audioScript(before, lang) !== audioScript(after, lang)) audio[lang] = { ...track, stale: true }
        }
        after.audio = audio
      }
      const staleAudio = GUIDE_LANGS.filter((lang) => after.audio?.[lang]?.stale)
      if (published) delete after.unpublished
      else after.unpublished = true
      await ctx.store.content.putExhibit(after)
      await recordChange(ctx, 'console.saveExhibit', edit.code, existing, after)
      return ok({ exhibit: after, staleAudio })
    },
  }),
  uploadPhoto: defineAction({
    schema: ConsoleRequests.uploadPhoto,
    roles: CONSOLE_ROLES.content,
    handle: async ({ code, alt, ...source }, ctx) => {
      if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
      const before = await ctx.store.content.getExhibit(code)
      if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
      const file = await uploadedBytes(ctx, source, 'photo')
      if (!file.ok) return file
      const photo = await preparePhoto(file.data.bytes)
      await file.data.done()
      if (!photo.ok) return fail(photo.code, PhotoErrors[photo.code])
      const urls: Record<number, string> = {}
      for (const size of photo.sizes) {
        urls[size.width] = await ctx.media.save(`exhibits/${code}-${photo.digest}-${size.width}.jpg`, size.buffer, 'image/jpeg')
      }
      const after: Exhibit = { ...before, image: urls[1280], imageSmall: urls[640], imageAlt: alt }
      await ctx.store.content.putExhibit(after)
      await recordChange(ctx, 'console.uploadPhoto', code, { image: before.image, imageAlt: before.imageAlt }, { image: after.image, imageSmall: after.imageSmall, imageAlt: alt })
      return ok({ exhibit: after })
    },
  }),
  /** The printable code sheet (A4, six QR codes a page) of the published exhibits, as HTML: the
   *  console opens it and the browser prints it (or saves a PDF); `npm run codes` makes the PDF. */
  codeSheet: defineAction({
    schema: ConsoleRequests.codeSheet,
    roles: CONSOLE_ROLES.content,
    handle: async (_req, ctx) => {
      const { origin } = publicOrigin()
      const exhibits = (await ctx.store.content.listExhibits()).filter((e) => !e.unpublished)
      return ok({ fileName: '展品二维码.html', html: sheetHtml(sheetItemsOf(origin, exhibits), origin), count: exhibits.length, origin })
    },
  }),
  /** An operator's recording replaces the guide in one language; visitors hear it at once. */
  uploadAudio: defineAction({
    schema: ConsoleRequests.uploadAudio,
    roles: CONSOLE_ROLES.content,
    handle: async ({ code, lang, voice, ...source }, ctx) => {
      if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
      const before = await ctx.store.content.getExhibit(code)
      if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
      if (lang === 'en' && !hasEnglish(before)) return fail('AUDIO_NO_ENGLISH', ConsoleErrors.AUDIO_NO_ENGLISH)
      const file = await uploadedBytes(ctx, source, 'audio')
      if (!file.ok) return file
      const bytes = file.data.bytes
      await file.data.done()
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
