// Draws the visit card as a picture (to keep or share): the museum name, one row per hall with
// its stamps, badges for completed halls. Plain canvas 2D calls, shared by H5 and weapp.
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { HallCard } from '../trail'

export const CARD_WIDTH = 750
export const cardHeight = (cards: HallCard[]) => 260 + cards.length * 150 + 90

type Ctx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'font' | 'textBaseline' | 'fillRect' | 'fillText' | 'beginPath' | 'arc' | 'fill' | 'strokeStyle' | 'lineWidth' | 'stroke' | 'measureText'>

const FONT = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"

export function drawCard(ctx: Ctx, cards: HallCard[], lang: GuideLang, date: string): void {
  const en = lang === 'en'
  const h = cardHeight(cards)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, CARD_WIDTH, h)
  ctx.fillStyle = '#0b4f8a'
  ctx.fillRect(0, 0, CARD_WIDTH, 200)
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#ffffff'
  ctx.font = `bold 48px ${FONT}`
  ctx.fillText(en ? 'High-tech Zone S&T Museum' : '高新区科技馆', 40, 80)
  ctx.font = `30px ${FONT}`
  const stamped = cards.reduce((n, c) => n + c.stamped, 0)
  const total = cards.reduce((n, c) => n + c.total, 0)
  ctx.fillText(en ? `Visit card · ${stamped}/${total} stamps · ${date}` : `参观足迹卡 · 已集章 ${stamped}/${total} · ${date}`, 40, 145)

  cards.forEach((card, i) => {
    const top = 240 + i * 150
    ctx.fillStyle = '#1f2933'
    ctx.font = `bold 32px ${FONT}`
    const name = en ? card.hall.nameEn ?? card.hall.name : card.hall.name
    ctx.fillText(`${name}${card.badge ? (en ? '  ★ badge' : '  ★ 徽章') : ''}`, 40, top + 20)
    card.slots.forEach((slot, j) => {
      const x = 80 + j * 110
      const y = top + 90
      ctx.beginPath()
      ctx.arc(x, y, 40, 0, Math.PI * 2)
      if (slot.stamped) {
        ctx.fillStyle = '#b42318'
        ctx.fill()
        ctx.fillStyle = '#ffffff'
        ctx.font = `bold 34px ${FONT}`
        ctx.fillText('章', x - 17, y)
      } else {
        ctx.strokeStyle = '#8a94a3'
        ctx.lineWidth = 3
        ctx.stroke()
      }
    })
  })
  ctx.fillStyle = '#4a5563'
  ctx.font = `24px ${FONT}`
  ctx.fillText(en ? 'Scan the codes beside the exhibits to collect stamps' : '扫描展品旁的二维码即可集章', 40, h - 45)
}
