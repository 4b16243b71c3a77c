import type { Services } from '../src/main/services'
import type { Actor } from '../src/shared/ipc/kit'
import { addDays, parseIso, toSiteDate } from '../src/shared/time/site-time'

/**
 * The demo site's duty: the roster from the first month of the demo year to the
 * month after "now" (every month up to the current one published), and one handover
 * per day at the end of the daytime shift, given, submitted and accepted with the
 * engineers' passwords like on the duty-room PC.
 */
export function months(fromDate: string, toDate: string): string[] {
  const out: string[] = []
  for (
    let [y, m] = fromDate.split('-').map(Number) as [number, number];
    `${y}-${String(m).padStart(2, '0')}` <= toDate.slice(0, 7);
  ) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    ;[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]
  }
  return out
}

export function demoRoster(s: Services, lead: Actor, team: number[], startDate: string, nowMs: number): void {
  const today = toSiteDate(nowMs)
  const nextMonth = addDays(`${today.slice(0, 7)}-28`, 7)
  const list = months(startDate, nextMonth)
  s.roster
    .shifts()
    .filter((x) => x.active)
    .forEach((shift, i) =>
      s.roster.saveRotation(lead, {
        name: `${shift.name}轮换`,
        shiftId: shift.id,
        // each shift's rotation starts with another engineer, so one person is not on every on-call shift of a week
        engineerIds: [...team.slice(i % team.length), ...team.slice(0, i % team.length)],
        // on-call duty by the week, day shifts by the day
        periodDays: shift.kind === 'oncall' ? 7 : 1,
        startDate: `${list[0]}-01`,
      }),
    )
  for (const month of list) for (const r of s.roster.rotations()) s.roster.generate(lead, month, r.id, false, '')
  for (const month of list.filter((m) => m <= today.slice(0, 7))) s.roster.publish(lead, month, '演示数据')
}

/**
 * The handover of `date`: the engineer of the daytime shift (白班, or 节假日值班 on
 * weekends and holidays) hands over to the next on duty. The clock is moved to the
 * end of that shift; returns false when nobody held a daytime shift that day.
 */
export function demoHandover(
  s: Services,
  clock: { ms: number },
  date: string,
  people: Map<number, Actor>,
  password: string,
  summary: string,
): boolean {
  clock.ms = parseIso(`${date}T17:20:00+08:00`)!
  const shifts = new Map(s.roster.shifts().map((x) => [x.id, x]))
  const day = s.roster
    .onDutyAt(clock.ms)
    .find((a) => a.date === date && shifts.get(a.shiftId)!.end > shifts.get(a.shiftId)!.start)
  if (!day) return false
  const outgoing = people.get(day.userId)!
  const draft = s.handovers.start(outgoing)
  // the roster proposes the next on duty; on a week where one engineer holds every on-call shift, a colleague
  const incomingId = draft.incomingId ?? [...people.keys()].find((id) => id !== outgoing.id)!
  const saved = s.handovers.update(outgoing, {
    id: draft.id,
    revision: draft.revision,
    incomingId,
    summary,
    cautions: '',
    todo: '',
    checklist: draft.checklist.map((c) => ({ ...c, handed: true })),
    remarks: {},
  })
  clock.ms += 5 * 60_000
  const submitted = s.handovers.submit(outgoing, saved.id, saved.revision, password)
  clock.ms += 5 * 60_000
  s.handovers.accept(submitted.id, submitted.revision, password, '已当面交接，确认无误')
  return true
}
