import { useMessage } from 'naive-ui'
import { shallowRef, watch } from 'vue'
import { useRoute } from 'vue-router'
import { errorText } from './api'

/**
 * The record a route's `:id` names, following the route: /handover/1/print →
 * /handover/2/print (a link, back/forward, a typed URL) shows record 2 and never
 * a late answer for record 1. A failed load says so instead of showing stale data.
 */
export function useRouteRecord<T>(read: (id: number) => Promise<T>, param = 'id') {
  const route = useRoute()
  const message = useMessage()
  const record = shallowRef<T | null>(null)
  let latest = 0

  async function load(): Promise<void> {
    const raw = route.params[param]
    if (typeof raw !== 'string') return
    const mine = ++latest
    try {
      const r = await read(Number(raw))
      if (mine === latest) record.value = r
    } catch (e) {
      if (mine !== latest) return
      record.value = null
      message.error(errorText(e))
    }
  }
  watch(
    () => route.params[param],
    (now, before) => {
      if (now !== before) record.value = null
      void load()
    },
    { immediate: true },
  )
  return { record, reload: load }
}
