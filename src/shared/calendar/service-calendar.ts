import { hm } from '@shared/time/day-format'
import { addDays, SITE_OFFSET, toSiteIso } from '@shared/time/site-time'
import { dayType, type HolidayData } from './holidays'

/**
 * A service calendar says when an SLA clock runs: always (7×24), or during
 * working-hour blocks on working days only — skipping weekends and holidays
 * but counting 调休 Saturdays/Sundays.
 */
export interface ServiceCalendarDef {
  kind: '24x7' | 'hours'
  /** minutes after midnight, [start, end), sorted and disjoint; only for 'hours' */
  blocks: [number, number][]
}

export interface Pause {
  from: number
  /** null while still paused */
  to: number | null
}

const MIN_MS = 60_000
/** No SLA target spans more than this; the loops stop there whatever the input. */
const MAX_DAYS = 3 * 366

export const FULL_DAY: [number, number][] = [[0, 1440]]

export class ServiceCalendar {
  constructor(
    readonly def: ServiceCalendarDef,
    private readonly holidays: HolidayData,
  ) {}

  /** Open minutes per standard working day: the length of a "working day" target. */
  get minutesPerDay(): number {
    return this.def.kind === '24x7' ? 1440 : this.def.blocks.reduce((s, [a, b]) => s + (b - a), 0)
  }

  /** The open blocks of a site date. */
  blocksOn(date: string): [number, number][] {
    if (this.def.kind === '24x7') return FULL_DAY
    return dayType(date, this.holidays) === 'workday' ? this.def.blocks : []
  }

  /** The instant `minutes` of open time after `start` (clock starts at the next open moment). */
  addMinutes(start: number, minutes: number): number {
    let remaining = Math.max(0, minutes)
    let date = siteDate(start)
    let pos = (start - dayStartMs(date)) / MIN_MS
    for (let i = 0; i < MAX_DAYS * 2; i++) {
      for (const [a, b] of this.blocksOn(date)) {
        if (pos >= b) continue
        const from = Math.max(pos, a)
        if (remaining <= b - from) return dayStartMs(date) + (from + remaining) * MIN_MS
        remaining -= b - from
        pos = b
      }
      date = addDays(date, 1)
      pos = 0
    }
    throw new RangeError('SLA target too long for the calendar')
  }

  /** Open minutes in [from, to). */
  openMinutes(from: number, to: number): number {
    if (to <= from) return 0
    let total = 0
    let date = siteDate(from)
    const lastDate = siteDate(to)
    for (let i = 0; i <= MAX_DAYS * 4; i++) {
      const base = dayStartMs(date)
      for (const [a, b] of this.blocksOn(date)) {
        const s = Math.max(from, base + a * MIN_MS)
        const e = Math.min(to, base + b * MIN_MS)
        if (e > s) total += (e - s) / MIN_MS
      }
      if (date === lastDate) return total
      date = addDays(date, 1)
    }
    return total
  }

  /** Open minutes from `from` to `to`, less the open minutes spent paused. Never negative. */
  elapsed(from: number, to: number, pauses: readonly Pause[] = []): number {
    let total = this.openMinutes(from, to)
    for (const p of mergePauses(pauses, to)) {
      total -= this.openMinutes(Math.max(from, p.from), Math.min(to, p.to))
    }
    return Math.max(0, total)
  }

  /** Whether an instant is inside an open block or exactly at one of its edges. */
  isOpenOrEdge(t: number): boolean {
    const date = siteDate(t)
    const minute = (t - dayStartMs(date)) / MIN_MS
    const edgeYesterday = minute === 0 && this.blocksOn(addDays(date, -1)).some(([, b]) => b === 1440)
    return edgeYesterday || this.blocksOn(date).some(([a, b]) => minute >= a && minute <= b)
  }
}

/** Clipped to `until`, sorted, overlaps merged: a pause counted twice must not double-discount. */
function mergePauses(pauses: readonly Pause[], until: number): { from: number; to: number }[] {
  const list = pauses
    .map((p) => ({ from: p.from, to: Math.min(p.to ?? until, until) }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from)
  const out: { from: number; to: number }[] = []
  for (const p of list) {
    const last = out[out.length - 1]
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to)
    else out.push({ ...p })
  }
  return out
}

function siteDate(ms: number): string {
  return toSiteIso(ms).slice(0, 10)
}

function dayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00${SITE_OFFSET}`)
}

/** "08:30-12:00, 14:00-17:30" ⇄ blocks, for the settings form. */
export function parseBlocks(text: string): [number, number][] | null {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean)
  const blocks: [number, number][] = []
  for (const part of parts) {
    const m = /^(\d{1,2}):(\d{2})[-–~至](\d{1,2}):(\d{2})$/.exec(part)
    if (!m) return null
    const a = Number(m[1]) * 60 + Number(m[2])
    const b = Number(m[3]) * 60 + Number(m[4])
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || a >= b || b > 1440) return null
    blocks.push([a, b])
  }
  blocks.sort((x, y) => x[0] - y[0])
  for (let i = 1; i < blocks.length; i++) if (blocks[i]![0] < blocks[i - 1]![1]) return null
  return blocks.length ? blocks : null
}

export function formatBlocks(blocks: [number, number][]): string {
  return blocks.map(([a, b]) => `${hm(a)}-${hm(b)}`).join(', ')
}
