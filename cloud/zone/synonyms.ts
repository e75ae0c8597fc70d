// Search by what a visitor means rather than the words a policy uses: 人才补贴 should find a policy
// tagged 人才 and 资金补贴. The groups live in data/search-synonyms.json (edited by hand, reviewed like
// content); this file only reads them. Pure: no I/O beyond the bundled JSON.
import file from '../../data/search-synonyms.json'
import { normalize } from './text'

export interface SynonymTable {
  /** Every known term, longest first, so that segmentation takes 资金补贴 before 补贴. */
  terms: string[]
  /** A term → every term it may stand for (itself included). */
  alternatives: Map<string, string[]>
  ignore: Set<string>
}

export function buildSynonyms(groups: string[][], ignore: string[] = []): SynonymTable {
  const alternatives = new Map<string, string[]>()
  for (const group of groups) {
    const members = group.map(normalize).filter(Boolean)
    for (const term of members) alternatives.set(term, [...new Set([...(alternatives.get(term) ?? []), ...members])])
  }
  const terms = [...alternatives.keys()].sort((a, b) => b.length - a.length)
  return { terms, alternatives, ignore: new Set(ignore.map(normalize)) }
}

export const SEARCH_SYNONYMS: SynonymTable = buildSynonyms(file.groups, file.ignore)

/**
 * A normalized query read as a list of parts, each a list of words any of which may stand for it:
 * 人才补贴 → [[人才, 引才, 海创…], [补贴, 资金补贴, 奖励…]]. Text between known terms must appear as
 * written (minus filler words such as 的, 政策). Null when the query holds no known term: then
 * there is nothing to widen and the literal search has already answered.
 */
export function expandQuery(table: SynonymTable, q: string): string[][] | null {
  const parts: string[][] = []
  let literal = ''
  let known = 0
  const flush = () => {
    if (literal && !table.ignore.has(literal)) parts.push([literal])
    literal = ''
  }
  for (let i = 0; i < q.length; ) {
    const term = table.terms.find((t) => q.startsWith(t, i))
    if (term) {
      flush()
      parts.push(table.alternatives.get(term) ?? [term])
      known++
      i += term.length
    } else {
      literal += q[i]
      i++
    }
  }
  flush()
  return known > 0 ? parts : null
}

/** How many parts `text` satisfies; a match needs all of them. */
export const partsMatched = (parts: string[][], text: string): number => parts.filter((alts) => alts.some((a) => text.includes(a))).length
