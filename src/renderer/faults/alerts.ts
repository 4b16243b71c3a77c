import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { SlaReminderDto } from '@shared/faults/reminders'
import { backgroundApi } from '@renderer/common/api'
import { useSession } from '@renderer/session/store'

const CHECK_EVERY_MS = 30_000
const ackKey = (userId: number) => `sla-acknowledged:${userId}`

/**
 * The SLA alerts of the logged-in user's session. They exist only while someone
 * is logged in and the screen is unlocked: logging out, switching user or
 * locking clears them, so nothing about a fault shows to whoever stands at the
 * PC. An alert the user acknowledged stays away until its state changes (each
 * state of each milestone has its own key); acknowledgements last for the
 * login session, page reloads included.
 */
export const useSlaAlerts = defineStore('slaAlerts', () => {
  const reminders = shallowRef<SlaReminderDto[]>([])
  const acknowledged = ref(new Set<string>())
  let userId: number | null = null
  /** bumped on every begin, pause and end: an answer to an older call is dropped */
  let epoch = 0
  let timer: ReturnType<typeof setInterval> | undefined

  const visible = computed(() => reminders.value.filter((r) => !acknowledged.value.has(r.key)))

  function persist() {
    if (userId !== null) sessionStorage.setItem(ackKey(userId), JSON.stringify([...acknowledged.value]))
  }

  async function check() {
    const asked = epoch
    const now = await backgroundApi.fault.reminders()
    if (asked !== epoch) return // locked, logged out or switched while the call was on its way
    reminders.value = now
    // Forget acknowledgements of states that no longer hold, so the store does not grow through a long shift.
    const holding = new Set(now.map((r) => r.key))
    acknowledged.value = new Set([...acknowledged.value].filter((k) => holding.has(k)))
    persist()
    if ('Notification' in window && Notification.permission === 'granted')
      for (const r of now.filter((x) => x.fresh)) new Notification(r.title, { body: r.body })
  }

  /** Starts the session's alerts for this user (after login or unlock). */
  function begin(id: number) {
    if (userId !== id) {
      userId = id
      acknowledged.value = new Set(JSON.parse(sessionStorage.getItem(ackKey(id)) ?? '[]') as string[])
    }
    clearInterval(timer)
    epoch++
    void check().catch(() => {})
    timer = setInterval(() => void check().catch(() => {}), CHECK_EVERY_MS)
  }

  /** The screen locked: nothing shows, nothing is fetched; acknowledgements are kept for the same user. */
  function pause() {
    epoch++
    clearInterval(timer)
    timer = undefined
    reminders.value = []
  }

  /** Logged out or switched user: the session's alerts and acknowledgements are gone. */
  function end() {
    pause()
    if (userId !== null) sessionStorage.removeItem(ackKey(userId))
    userId = null
    acknowledged.value = new Set()
  }

  function acknowledge(keys: string[]) {
    acknowledged.value = new Set([...acknowledged.value, ...keys])
    persist()
  }

  // Follows who is at the PC for the life of the page: login, lock, unlock, logout, switch.
  const session = useSession()
  watch(
    () => [session.user?.id ?? null, session.session?.locked ?? true] as const,
    ([id, locked]) => {
      if (userId !== null && userId !== id) end()
      if (id === null) return
      if (locked) pause()
      else begin(id)
    },
    { immediate: true },
  )

  return { reminders, visible, acknowledge, check }
})
