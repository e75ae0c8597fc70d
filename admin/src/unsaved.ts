// Unsaved edits across the console: a form with edits not yet saved registers here, so closing its
// panel, choosing another page in the menu, or leaving the site asks first instead of dropping them.
import { useEffect, useState } from 'react'
import { App } from 'antd'

const dirty = new Set<string>()

export const hasUnsaved = () => dirty.size > 0

/** The operator chose to leave: what was pending is dropped with the page. */
export const discardUnsaved = () => dirty.clear()

/** Registers (or clears) a form's unsaved edits while the component is mounted. */
export function useUnsavedGuard(key: string, isDirty: boolean) {
  useEffect(() => {
    if (isDirty) dirty.add(key)
    else dirty.delete(key)
    return () => void dirty.delete(key)
  }, [key, isDirty])
}

// The browser's own prompt when the tab is closed or reloaded with edits pending.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved()) return
    event.preventDefault()
    event.returnValue = ''
  })
}

export const DISCARD_CONFIRM = { title: '有未保存的修改', content: '离开后这些修改将丢失。', okText: '放弃修改', cancelText: '继续编辑', okButtonProps: { danger: true } } as const

/**
 * For an edit dialog or panel: `touched` on every edit (a Form's onValuesChange), `saved` once the
 * server took it; `guardClose(close)` is the close handler (取消, ×, a click on the mask, Esc) that
 * asks before dropping edits. While edits are pending the menu, a typed link and the tab ask too.
 */
export function useEditGuard(key: string) {
  const { modal } = App.useApp()
  const [dirty, setDirty] = useState(false)
  useUnsavedGuard(key, dirty)
  return {
    dirty,
    touched: () => setDirty(true),
    saved: () => setDirty(false),
    guardClose: (close: () => void) => () => (dirty ? void modal.confirm({ ...DISCARD_CONFIRM, onOk: () => (setDirty(false), close()) }) : close()),
  }
}
