// The one way a Loadable is shown: loading, an error that says what to do, or the content. PageShell
// uses it for a whole page; a page uses it directly for a part that loads on its own (search results,
// the calculator's answer, the gate's counts), so every loading and error state looks and reads alike.
import type { ReactNode } from 'react'
import type { AppError } from '@cloud/contracts/result'
import { ErrorView } from './ErrorView'
import { LoadingView } from './LoadingView'
import type { Loadable } from './loadable'

export interface LoadedProps<T> {
  state: Loadable<T> | undefined
  children: (data: T, state: Extract<Loadable<T>, { status: 'ready' }>) => ReactNode
  loadingText?: string
  onRetry?: () => void
  /** A second way out of an error, so the visitor is never stuck. */
  errorAction?: { text: string; onTap: () => void }
  /** Replaces the standard error view for errors the page explains itself (e.g. not found). */
  renderError?: (error: AppError) => ReactNode | null
  /** What an idle slot shows (nothing asked yet); loading by default, as a page loads on open. */
  idle?: ReactNode
}

export function Loaded<T>({ state, children, loadingText, onRetry, errorAction, renderError, idle }: LoadedProps<T>) {
  if (state?.status === 'idle' && idle !== undefined) return <>{idle}</>
  if (!state || state.status === 'idle' || state.status === 'loading') return <LoadingView text={loadingText} />
  if (state.status === 'error') return <>{renderError?.(state.error) ?? <ErrorView error={state.error} onRetry={onRetry} action={errorAction} />}</>
  return <>{children(state.data, state)}</>
}
