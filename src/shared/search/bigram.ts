/**
 * Chinese full-text search without a segmenter: CJK runs are indexed as
 * overlapping character bigrams, other text as lower-cased words. A query is
 * turned into an FTS5 phrase of the same bigrams, so "密码" (two characters,
 * too short for FTS5's trigram tokenizer) and longer phrases such as
 * "重置密码" both match by substring, and the index stays usable at 500k rows.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const SPLIT = /([\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}_.-]+)/gu

function tokensOf(text: string): string[] {
  const out: string[] = []
  for (const match of text.toLowerCase().matchAll(SPLIT)) {
    const run = match[0]
    if (CJK.test(run[0]!)) {
      const chars = Array.from(run)
      if (chars.length === 1) out.push(run)
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!)
    } else {
      out.push(run)
    }
  }
  return out
}

/** The text stored in the FTS column for a document. */
export function toIndexText(...fields: (string | null | undefined)[]): string {
  return fields
    .filter((f): f is string => !!f)
    .map((f) => tokensOf(f).join(' '))
    .join(' ')
}

/**
 * FTS5 MATCH expression: every whitespace-separated term must match, each
 * term as a phrase of its bigrams (ASCII words as prefixes). Returns null
 * when the index cannot answer it (empty, or a term that is a lone CJK
 * character): the caller then falls back to a substring scan.
 */
export function toMatchQuery(query: string): string | null {
  const terms = query.trim().split(/\s+/).filter(Boolean)
  const parts: string[] = []
  for (const term of terms) {
    const tokens = tokensOf(term)
    if (tokens.length === 0) continue
    if (tokens.length === 1 && CJK.test(tokens[0]!) && Array.from(tokens[0]!).length === 1) return null
    if (tokens.length === 1 && !CJK.test(tokens[0]![0]!)) {
      parts.push(`"${tokens[0]!.replace(/"/g, '""')}"*`)
    } else {
      parts.push(`"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`)
    }
  }
  return parts.length ? parts.join(' AND ') : null
}
