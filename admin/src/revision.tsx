// One record of an operator-kept list (成果与平台, 企业名录, 政策库) saved from the revision its dialog
// was opened at: an edit saved meanwhile by someone else is refused (…_STALE), and the dialog keeps
// the operator's draft under the refusal.
import { Alert } from 'antd'

/** What a save sends besides the record: new, or an edit from the revision the dialog was opened at. */
export const saveFrom = (opened: { rev?: number } | null): { isNew: true } | { isNew: false; rev: number } =>
  opened ? { isNew: false, rev: opened.rev ?? 0 } : { isNew: true }

/** The record as the dialog left it, without the store's `rev` (the request names the revision apart). */
export function withoutRev<T extends { rev?: number }>(record: T): Omit<T, 'rev'> {
  const { rev: _stored, ...fields } = record
  return fields
}

/** A refusal because someone else saved first: it stays on screen above the operator's kept draft. */
export function StaleNotice({ message }: { message: string | null }) {
  if (!message) return null
  return <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} message={message} description="您填写的内容仍在下面，可先复制；关闭后列表会显示他人保存的版本。" />
}
