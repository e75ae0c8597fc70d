import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import './booking.scss'

/** The e-ticket as a QR code, drawn as a GIF data URL: works on weapp and H5 without a canvas. */
export function TicketQr({ code }: { code: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(code)
    qr.make()
    return qr.createDataURL(8, 2)
  }, [code])
  return (
    <View className="bk-ticket__qr-box">
      <Image className="bk-ticket__qr" src={src} mode="scaleToFill" ariaLabel="电子票二维码" />
    </View>
  )
}
