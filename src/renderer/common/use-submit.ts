import type { FormInst } from 'naive-ui'
import { ref, type Ref } from 'vue'
import { newRequestId } from '@shared/ipc/request-id'
import { errorText } from './api'

/**
 * One save of a form: validate → busy → call → done, with the error as text.
 * A save already in flight is not started again (a double Enter, a double click),
 * and `requestId` stays the same until `reset()`, so a create channel sent the
 * same save twice records it once.
 */
export function useSubmit<T>(opts: {
  /** false (or a rejected form validation) stops the save; a string is shown as the error */
  validate?: () => boolean | string | Promise<boolean | string>
  call: (requestId: string) => Promise<T>
  done?: (result: T) => unknown
  /** after a failed call, e.g. clear a typed password */
  failed?: () => void
}) {
  const busy = ref(false)
  const error = ref('')
  let inFlight = false
  let requestId = newRequestId()

  async function submit(): Promise<T | undefined> {
    if (inFlight) return undefined
    inFlight = true
    try {
      const ok = opts.validate ? await opts.validate() : true
      if (typeof ok === 'string') {
        error.value = ok
        return undefined
      }
      if (!ok) return undefined
      busy.value = true
      error.value = ''
      // The id stays until reset(): the same save sent again after success is answered, not repeated.
      const result = await opts.call(requestId)
      await opts.done?.(result)
      return result
    } catch (e) {
      error.value = errorText(e)
      opts.failed?.()
      return undefined
    } finally {
      inFlight = false
      busy.value = false
    }
  }

  /** a fresh form: no error, a new request id */
  function reset() {
    error.value = ''
    requestId = newRequestId()
  }

  return { busy, error, submit, reset }
}

/** Naive UI form validation as a boolean (it rejects when a rule fails and shows the message itself). */
export function formValid(form: Ref<FormInst | null>): () => Promise<boolean> {
  return async () => {
    try {
      await form.value?.validate()
      return true
    } catch {
      return false
    }
  }
}
