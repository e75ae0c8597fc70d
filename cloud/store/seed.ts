// First-run content: the article's exhibits (and, as features land, companies, policies, sessions).
import fs from 'node:fs'
import path from 'node:path'
import type { Exhibit } from '../contracts/exhibit'
import { withAudio, type AudioManifest } from '../exhibits/audio'
import { ExhibitFileSchema, type ExhibitFile } from '../exhibits/schema'
import type { Store } from './port'
import { seedZoneIfEmpty } from '../zone/seed'
import { seedTransferIfEmpty } from '../transfer/seed'

export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data')

export function readExhibitFile(file = path.join(DATA_DIR, 'exhibits.json')): ExhibitFile {
  return ExhibitFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
}

export const AUDIO_MANIFEST = path.join(DATA_DIR, 'media', 'audio', 'manifest.json')

export function readAudioManifest(file = AUDIO_MANIFEST): AudioManifest | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AudioManifest
  } catch {
    return null
  }
}

export function toExhibits(file: ExhibitFile, manifest: AudioManifest | null = readAudioManifest()): Exhibit[] {
  const halls = new Map(file.halls.map((h) => [h.id, h]))
  return file.exhibits.map((e) => {
    const hall = halls.get(e.hallId)!
    return withAudio({ ...e, hall: hall.name, hallEn: hall.nameEn, floor: hall.floor }, manifest)
  })
}

export async function seedContent(store: Store, file = readExhibitFile()): Promise<void> {
  await store.content.replaceExhibits(file.halls, toExhibits(file))
}

/** Seeds an empty store once; a store that was seeded before is left as the operator left it. */
export async function seedIfEmpty(store: Store): Promise<boolean> {
  await seedZoneIfEmpty(store)
  await seedTransferIfEmpty(store)
  if (await store.meta.get('seeded_at')) return false
  await seedContent(store)
  await store.meta.set('seeded_at', new Date().toISOString())
  return true
}
