// The one page pattern: every page is a <PageShell>. Care mode wraps everything — loading and error
// included, so on weapp those states are large-text too — and a page that loads something passes
// its Loadable: the shell shows loading and error, and calls `children` with the data when ready.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { CareRoot } from '@/care/CareRoot'
import { Loaded, type LoadedProps } from './Loaded'
import { PageFooter } from './page-footer'

interface Base {
  className?: string
  /** Shown above the content in every state (a language switch, a notice). */
  header?: ReactNode
  /** False on the page that is itself the audio player, where a second one would only repeat it. */
  miniPlayer?: boolean
}

interface Plain extends Base {
  children: ReactNode
  state?: undefined
}

type Loading<T> = Base & Omit<LoadedProps<T>, 'idle'>

export function PageShell<T>(props: Plain | Loading<T>) {
  const { className = '', header, miniPlayer = true } = props
  let body: ReactNode
  if (props.state === undefined && typeof props.children !== 'function') body = props.children
  else {
    const { className: _c, header: _h, miniPlayer: _m, ...loaded } = props as Loading<T>
    body = <Loaded {...loaded} />
  }
  return (
    <CareRoot>
      <View className={`page ${className}`}>
        {header}
        {body}
        {miniPlayer && <PageFooter />}
      </View>
    </CareRoot>
  )
}
