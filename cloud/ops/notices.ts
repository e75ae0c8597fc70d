import type { Notice, NoticeView } from '../contracts/ops'

/** The notices a visitor sees now: published, inside their window, highest priority first, then newest. */
export function activeNotices(all: Notice[], now: Date, limit = 3): NoticeView[] {
  const t = now.toISOString()
  return all
    .filter((n) => n.published && n.validFrom <= t && t < n.validTo)
    .sort((a, b) => b.priority - a.priority || b.validFrom.localeCompare(a.validFrom))
    .slice(0, limit)
    .map(({ id, title, body, priority, validFrom, validTo }) => ({ id, title, body, priority, validFrom, validTo }))
}
