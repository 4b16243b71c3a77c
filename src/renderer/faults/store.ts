import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { ServiceCalendar } from '@shared/calendar/service-calendar'
import type { CalendarDto } from '@shared/calendar/contract'
import { clockInput } from '@shared/faults/clock'
import type { CreateFaultInput, FaultClockDto, SlaDto } from '@shared/faults/contract'
import { type Calendars, computeMilestones, type MilestoneState, progressDue } from '@shared/faults/milestones'
import { levelColour } from '@shared/faults/sla'
import { parseIso } from '@shared/time/site-time'
import { api } from '@renderer/common/api'

/**
 * What the fault screens share: the SLA policy, the calendars (so clocks run
 * here, from the same rules as main), and a ticking "now".
 */
export const useFaults = defineStore('faults', () => {
  const sla = shallowRef<SlaDto | null>(null)
  const calendar = shallowRef<CalendarDto | null>(null)
  const now = ref(Date.now())
  /** bumped after every write so lists and the dashboard reload */
  const version = ref(0)
  let ticking: ReturnType<typeof setInterval> | undefined
  /** the create dialog's prefill (from a service-log entry or an inspection); null when closed */
  const draft = shallowRef<Partial<CreateFaultInput> | null>(null)
  const openCreate = (prefill: Partial<CreateFaultInput> = {}) => (draft.value = prefill)

  const calendars = computed<Calendars | null>(() => {
    const c = calendar.value
    if (!c) return null
    return {
      always: new ServiceCalendar({ kind: '24x7', blocks: [] }, c.holidays),
      working: new ServiceCalendar({ kind: 'hours', blocks: c.workingBlocks }, c.holidays),
    }
  })
  const levels = computed(() => sla.value?.policy.levels ?? [])

  async function load() {
    ;[sla.value, calendar.value] = await Promise.all([api.sla.get(), api.calendar.get()])
    if (!ticking) ticking = setInterval(() => (now.value = Date.now()), 1000)
  }

  function milestones(clock: FaultClockDto): MilestoneState[] {
    const cals = calendars.value
    if (!cals) return []
    return computeMilestones(clockInput(clock), now.value, cals)
  }

  /** Minutes until the next progress update is due (negative: overdue); null when none is expected. */
  function progressLeft(clock: FaultClockDto): number | null {
    const due = progressDue(
      clock.level,
      parseIso(clock.reportedAt)!,
      clock.lastUpdateAt ? parseIso(clock.lastUpdateAt) : null,
      clock.active,
    )
    return due === null ? null : Math.floor((due - now.value) / 60000)
  }

  const colour = (code: string) => (sla.value ? levelColour(sla.value.policy, code) : '#909399')
  const changed = () => version.value++

  return {
    sla,
    calendar,
    now,
    version,
    calendars,
    levels,
    draft,
    openCreate,
    load,
    milestones,
    progressLeft,
    colour,
    changed,
  }
})
