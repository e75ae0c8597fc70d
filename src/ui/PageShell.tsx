// The one page pattern: every page is a <PageShell>. Care mode wraps everything — loading and error
// included, so on weapp those states are large-text too — and a page that loads something passes
// its Loadable: the shell shows loading and error, and calls `children` with the data when ready.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { CareRoot } from '@/care/CareRoot'
import { MiniPlayer } from '@/guide/components/MiniPlayer'
import type { AppError } from '@cloud/contracts/result'
import { ErrorView } from './ErrorView'
import { LoadingView } from './LoadingView'
import type { Loadable } from './loadable'

interface Base {
  className?: string
  /** Shown above the content in every state (a language switch, a notice). */
  header?: ReactNode
}

interface Plain extends Base {
  children: ReactNode
  state?: undefined
}

interface Loading<T> extends Base {
  state: Loadable<T> | undefined
  children: (data: T, state: Extract<Loadable<T>, { status: 'ready' }>) => ReactNode
  loadingText?: string
  onRetry?: () => void
  /** A second way out of an error, so the visitor is never stuck. */
  errorAction?: { text: string; onTap: () => void }
  /** Replaces the standard error view for errors the page explains itself (e.g. not found). */
  renderError?: (error: AppError) => ReactNode | null
}

export function PageShell<T>(props: Plain | Loading<T>) {
  const { className = '', header } = props
  let body: ReactNode
  if (props.state === undefined && typeof props.children !== 'function') body = props.children
  else {
    const p = props as Loading<T>
    const s = p.state
    if (!s || s.status === 'idle' || s.status === 'loading') body = <LoadingView text={p.loadingText} />
    else if (s.status === 'error') body = p.renderError?.(s.error) ?? <ErrorView error={s.error} onRetry={p.onRetry} action={p.errorAction} />
    else body = p.children(s.data, s)
  }
  return (
    <CareRoot>
      <View className={`page ${className}`}>
        {header}
        {body}
        <MiniPlayer />
      </View>
    </CareRoot>
  )
}
