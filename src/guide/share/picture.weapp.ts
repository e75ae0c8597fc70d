// weapp: draws the card on an offscreen 2D canvas and saves it as a temporary file, which the
// page shows with previewImage (from there the visitor keeps or forwards it).
import Taro from '@tarojs/taro'
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { HallCard } from '../trail'
import { CARD_WIDTH, cardHeight, drawCard } from './draw'

export async function cardPicture(cards: HallCard[], lang: GuideLang, date: string): Promise<string | null> {
  try {
    const height = cardHeight(cards)
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: CARD_WIDTH, height }) as unknown as {
      getContext(type: '2d'): CanvasRenderingContext2D
    }
    drawCard(canvas.getContext('2d'), cards, lang, date)
    const res = await Taro.canvasToTempFilePath({ canvas: canvas as never, width: CARD_WIDTH, height, destWidth: CARD_WIDTH, destHeight: height, fileType: 'png' } as never)
    return res.tempFilePath
  } catch {
    return null
  }
}
