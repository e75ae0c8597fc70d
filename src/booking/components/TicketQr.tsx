import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import './booking.scss'

/** The e-ticket as a QR code, drawn as a GIF data URL: works on weapp and H5 without a canvas. */
export const qrDataUrl = (code: string) => {
  const qr = qrcode(0, 'M')
  qr.addData(code)
  qr.make()
  return qr.createDataURL(8, 2)
}

export function TicketQr({ code, label = '电子票二维码' }: { code: string; label?: string }) {
  const src = useMemo(() => qrDataUrl(code), [code])
  return (
    <View className="bk-ticket__qr-box" data-ticket-code={code}>
      <Image className="bk-ticket__qr" src={src} mode="scaleToFill" ariaLabel={label} />
    </View>
  )
}
