// H5: draws the card on a canvas element and returns it as a PNG data URL.
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { HallCard } from '../trail'
import { CARD_WIDTH, cardHeight, drawCard } from './draw'

export async function cardPicture(cards: HallCard[], lang: GuideLang, date: string): Promise<string | null> {
  const canvas = document.createElement('canvas')
  canvas.width = CARD_WIDTH
  canvas.height = cardHeight(cards)
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  drawCard(ctx, cards, lang, date)
  return canvas.toDataURL('image/png')
}
