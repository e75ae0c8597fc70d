// H5: "save the ticket" downloads a picture of it — the QR, the short code, the date and session —
// drawn on a canvas. (weapp saves to the photo album: saveTicket.weapp.ts.)
export interface TicketPicture {
  qrDataUrl: string
  shortCode: string
  title: string
  lines: string[]
  fileName: string
}

export async function saveTicket(t: TicketPicture): Promise<'saved' | 'denied' | 'failed'> {
  try {
    const img = new Image()
    img.src = t.qrDataUrl
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = 750
    canvas.height = 1000
    const g = canvas.getContext('2d')!
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, 750, 1000)
    g.fillStyle = '#0b4f8a'
    g.fillRect(0, 0, 750, 120)
    g.fillStyle = '#ffffff'
    g.font = 'bold 40px sans-serif'
    g.fillText(t.title, 40, 76)
    g.imageSmoothingEnabled = false
    g.drawImage(img, 175, 160, 400, 400)
    g.fillStyle = '#1f2933'
    g.font = 'bold 64px monospace'
    g.textAlign = 'center'
    g.fillText(t.shortCode, 375, 650)
    g.font = '30px sans-serif'
    t.lines.forEach((line, i) => g.fillText(line, 375, 730 + i * 48))
    const a = document.createElement('a')
    a.href = canvas.toDataURL('image/png')
    a.download = t.fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    return 'saved'
  } catch {
    return 'failed'
  }
}
