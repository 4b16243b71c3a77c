import { computed, onBeforeUnmount, ref, watch } from 'vue'
import type { HandoverDto } from '@shared/handover/contract'
import { formatDateTime, toSiteIso } from '@shared/time/site-time'
import { api } from '@renderer/common/api'
import { useSession } from '@renderer/session/store'

export interface DraftForm {
  incomingId: number | null
  summary: string
  cautions: string
  todo: string
  checklist: { item: string; handed: boolean }[]
  remarks: Record<string, string>
}

const DEBOUNCE_MS = 1500

/**
 * Saves the outgoing engineer's draft by itself a moment after they stop
 * typing. Every save goes through one queue, so a save, an explicit 保存 and
 * the submission never send the same revision twice; the revision the server
 * returns is kept at once, so a failed step (a wrong password) can be retried.
 * The form is never overwritten by what comes back: the typist keeps typing.
 */
export function useDraftAutosave(
  form: DraftForm,
  handover: { value: HandoverDto | null },
  editable: () => boolean,
  onError: (e: unknown) => void,
) {
  const savedJson = ref('')
  const savedAt = ref<string | null>(null)
  const saving = ref(false)
  const failed = ref(false)
  let queue: Promise<unknown> = Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | undefined

  const current = () => JSON.stringify(form)
  const dirty = computed(() => editable() && current() !== savedJson.value)

  /** The form as it now stands is what the server has (after loading a draft). */
  function settled() {
    savedJson.value = current()
    failed.value = false
  }

  /** Saves now if anything changed; resolves with the stored handover. Rejects when the save fails. */
  function flush(): Promise<HandoverDto> {
    clearTimeout(timer)
    const run = queue.then(async () => {
      const h = handover.value!
      const sent = current()
      if (sent === savedJson.value) return h
      saving.value = true
      try {
        const saved = await api.handover.update({ id: h.id, revision: h.revision, ...(JSON.parse(sent) as DraftForm) })
        handover.value = saved
        savedJson.value = sent
        savedAt.value = formatDateTime(toSiteIso(Date.now())).slice(11, 16)
        failed.value = false
        return saved
      } catch (e) {
        failed.value = true
        throw e
      } finally {
        saving.value = false
      }
    })
    queue = run.catch(() => {})
    return run
  }

  watch(
    form,
    () => {
      if (!dirty.value || !handover.value) return
      clearTimeout(timer)
      timer = setTimeout(() => void flush().catch(onError), DEBOUNCE_MS)
    },
    { deep: true },
  )
  // 切换用户 right after typing: the draft is saved first, so the text is there at the next login.
  const session = useSession()
  const saveBeforeLogout = () => (dirty.value && handover.value ? flush() : Promise.resolve())
  session.beforeLogout.add(saveBeforeLogout)
  onBeforeUnmount(() => {
    clearTimeout(timer)
    session.beforeLogout.delete(saveBeforeLogout)
  })

  const status = computed(() =>
    saving.value
      ? '正在保存…'
      : failed.value
        ? '保存失败，内容仍在本页'
        : dirty.value
          ? '有未保存的修改'
          : savedAt.value
            ? `已保存 ${savedAt.value}`
            : '',
  )

  return { dirty, flush, settled, status }
}
