import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '../../src/shared/errors'
import { EVENT_KINDS } from '../../src/shared/faults/state'
import { makeWorld, setUpSite, type World } from '../support/world'

/**
 * An independent model of the lifecycle in SPEC §3.4 / issue 3:
 * 新建 → 处理中 → (挂起 ↔ 处理中) → 已恢复 → 已关闭, 已作废 before recovery.
 */
type S = 'new' | 'in_progress' | 'paused' | 'recovered' | 'closed' | 'voided'
function model(s: S, kind: (typeof EVENT_KINDS)[number]): S | null {
  if (kind === 'note') return s
  if (s === 'closed' || s === 'voided') return null
  switch (kind) {
    case 'respond':
      return s === 'new' ? 'in_progress' : null
    case 'remote':
    case 'arrive':
    case 'plan':
    case 'action':
    case 'workaround':
      return s === 'new' || s === 'in_progress' ? 'in_progress' : null
    case 'pause':
      return s === 'new' || s === 'in_progress' ? 'paused' : null
    case 'resume':
      return s === 'paused' ? 'in_progress' : null
    case 'recover':
      return s === 'new' || s === 'in_progress' ? 'recovered' : null
    case 'analysis':
      return s === 'recovered' ? 'closed' : null
    case 'void':
      return s === 'recovered' ? null : 'voided'
    case 'progress':
    case 'escalate':
      return s === 'recovered' ? null : s
    case 'root_cause':
      return s === 'new' ? null : s
    case 'escalation_result':
    case 'severity':
    case 'owner':
    case 'notify':
      return s
  }
}

let w: World
let minute = 0
beforeAll(async () => {
  w = makeWorld('2026-11-23T18:00:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
})
afterAll(() => w.close())

describe('fault state machine', () => {
  it('follows the lifecycle for any sequence of actions, refusing the illegal ones and changing nothing', () => {
    const actor = w.services.auth.currentActor()!
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENT_KINDS), { minLength: 1, maxLength: 25 }), (kinds) => {
        const fault = w.services.faults.create(actor, {
          title: '模型测试',
          severity: 'P3',
          category: 'software',
          assetId: null,
          reportedAt: '2026-11-23T08:00:00+08:00',
          reportedBy: '',
          reportChannel: 'phone',
          symptoms: '',
          impact: '',
        })
        let state: S = 'new'
        let severity = 'P3'
        for (const kind of kinds) {
          const at = `2026-11-23T${String(8 + (Math.floor(++minute / 60) % 9)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`
          const expected = model(state, kind)
          const nextSeverity = severity === 'P3' ? 'P2' : 'P3'
          const eventsBefore = w.services.faults.get(fault.id).events.length
          try {
            const after = w.services.faults.addEvent(actor, {
              faultId: fault.id,
              kind,
              at: maxAt(at, fault.id),
              text: '说明',
              target: '厂商',
              via: 'phone',
              severity: nextSeverity,
              ownerId: actor.id,
            })
            expect(expected, `${state} + ${kind}`).not.toBeNull()
            expect(after.status).toBe(expected)
            state = after.status as S
            if (kind === 'severity') severity = nextSeverity
          } catch (e) {
            if (!isDomainError(e)) throw e
            expect(e.code, `${state} + ${kind}: ${e.message}`).toBe('FAULT_TRANSITION')
            expect(expected, `${state} + ${kind}`).toBeNull()
            expect(w.services.faults.get(fault.id).events.length).toBe(eventsBefore)
          }
        }
      }),
      { numRuns: 60 },
    )
  })
})

/** Event times must not run backwards past the report or the last pause; keep them moving forward. */
function maxAt(at: string, faultId: number): string {
  const last = w.services.faults.get(faultId).events.at(-1)!.at
  return at > last ? at : last
}
