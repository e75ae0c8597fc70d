// One labelled form field with its error under it (the request and need forms).
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import '@/transfer/transfer.scss'

export function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <View className="tf-field" data-field={id}>
      <View className="tf-field__label" id={`tf-${id}`}>
        {label}
      </View>
      {children}
      {error && (
        <View className="tf-field__error" role="alert">
          {error}
        </View>
      )}
    </View>
  )
}
