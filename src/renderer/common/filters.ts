import { watch } from 'vue'

/**
 * Re-runs a list's query when any filter changes: typing in a search box waits
 * for a pause, and the list goes back to its first page.
 */
export function reloadOnFilters(filters: Record<string, unknown>, reload: () => void, delayMs = 250): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    () => ({ ...filters }),
    () => {
      clearTimeout(timer)
      timer = setTimeout(reload, delayMs)
    },
  )
}
