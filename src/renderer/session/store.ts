import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionDto } from '@shared/auth/contract'
import { api, errorCode, SESSION_LOCKED_EVENT } from '@renderer/common/api'

/** Who is at the duty-room PC, and the idle lock that protects an unattended screen. */
export const useSession = defineStore('session', () => {
  const session = ref<SessionDto | null>(null)
  /** prefilled on the login screen after setup or a user switch */
  const lastUsername = ref('')
  const user = computed(() => session.value?.user ?? null)
  const canWrite = computed(() => user.value !== null && user.value.role !== 'reviewer')
  const isLead = computed(() => user.value?.role === 'lead')
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  const set = (s: SessionDto) => {
    session.value = s
    lastActivity = Date.now()
  }
  const refresh = async () => set(await api.auth.status())
  const login = async (username: string, password: string) => set(await api.auth.login({ username, password }))
  /** Work a screen saves before the user leaves the PC (e.g. a handover draft typed a moment ago). */
  const beforeLogout = new Set<() => Promise<unknown>>()
  const logout = async () => {
    await Promise.allSettled([...beforeLogout].map((save) => save()))
    lastUsername.value = ''
    set(await api.auth.logout())
  }
  const lock = async () => set(await api.auth.lock())
  const unlock = async (password: string) => {
    try {
      set(await api.auth.unlock({ password }))
    } catch (e) {
      // Too many wrong passwords ends the session: show the login screen.
      if (errorCode(e) === 'ACCOUNT_LOCKED') await refresh()
      throw e
    }
  }

  let lastPresence = 0
  const touch = () => {
    lastActivity = Date.now()
    // Main holds the idle lock as well and counts only calls: while someone is at the
    // keyboard, say so at most once a minute (and show main's lock if it has locked).
    const s = session.value
    if (s?.user && !s.locked && lastActivity - lastPresence >= 60_000) {
      lastPresence = lastActivity
      api.auth.status().then(
        (next) => (session.value = next),
        () => {},
      )
    }
  }

  /** Starts watching for inactivity; the lock is an overlay, so open forms keep what was typed. */
  function watchIdle() {
    // Main keeps its own idle lock: when it refuses a call, show the lock screen it already has.
    window.addEventListener(SESSION_LOCKED_EVENT, () => void refresh())
    for (const ev of ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart']) {
      window.addEventListener(ev, touch, { passive: true, capture: true })
    }
    clearInterval(timer)
    timer = setInterval(() => {
      const s = session.value
      if (!s?.user || s.locked) return
      if (Date.now() - lastActivity >= s.idleLockMinutes * 60_000) void lock()
    }, 5_000)
  }

  return {
    session,
    lastUsername,
    user,
    canWrite,
    isLead,
    refresh,
    login,
    logout,
    beforeLogout,
    lock,
    unlock,
    set,
    watchIdle,
  }
})
