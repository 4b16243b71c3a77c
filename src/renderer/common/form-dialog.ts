import { useDialog } from 'naive-ui'
import { computed, onBeforeUnmount } from 'vue'
import { useRouter } from 'vue-router'
import { useSubmit } from './use-submit'

/**
 * The keyboard and close behaviour every form dialog shares: Enter saves (from
 * text areas too when `enterInTextareas`; Shift+Enter is then a new line), Esc
 * closes, and closing with unsaved changes asks first — leaving the page by a
 * link, the menu or back/forward included.
 */
export function useFormDialog(opts: {
  what: string
  isDirty: () => boolean
  hide: () => void
  save: () => unknown
  /** whether the dialog is on screen (the route guard asks only then) */
  isOpen: () => boolean
  enterInTextareas?: boolean
}) {
  const dialog = useDialog()

  function close(force = false) {
    if (force || !opts.isDirty()) {
      opts.hide()
      return
    }
    dialog.warning({
      title: `放弃未保存的${opts.what}？`,
      positiveText: '放弃',
      negativeText: '继续编辑',
      onPositiveClick: opts.hide,
    })
  }

  useLeaveGuard(opts.what, () => opts.isOpen() && opts.isDirty(), opts.hide)

  function onKeydown(e: KeyboardEvent) {
    const target = e.target as HTMLElement
    const inPicker = !!target.closest('.n-base-selection, .n-date-picker, .n-base-select-menu')
    const inTextarea = target.tagName === 'TEXTAREA'
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !inPicker && (opts.enterInTextareas || !inTextarea)) {
      e.preventDefault()
      void opts.save()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      close()
    }
  }

  return { close, onKeydown }
}

/**
 * Asks before a route change would throw away typed text; `discard` runs when the
 * user chooses to leave anyway. Works for dialogs outside the routed view too.
 */
export function useLeaveGuard(what: string, isDirty: () => boolean, discard?: () => void) {
  const router = useRouter()
  const dialog = useDialog()
  const remove = router.beforeEach(() => {
    if (!isDirty()) return true
    return new Promise<boolean>((resolve) => {
      dialog.warning({
        title: `放弃未保存的${what}？`,
        content: '离开此页面后，已填写的内容将丢失。',
        positiveText: '放弃并离开',
        negativeText: '继续编辑',
        onPositiveClick: () => {
          discard?.()
          resolve(true)
        },
        onNegativeClick: () => resolve(false),
        onClose: () => resolve(false),
        onMaskClick: () => resolve(false),
      })
    })
  })
  onBeforeUnmount(remove)
}

/**
 * A form dialog in one call: the keys and closing of useFormDialog with the save
 * of useSubmit. `frame` is bound to <FormDialog v-bind="frame">.
 */
export function useDialogForm<T>(
  opts: Omit<Parameters<typeof useFormDialog>[0], 'save'> & Parameters<typeof useSubmit<T>>[0],
) {
  const { busy, error, submit: send, reset } = useSubmit<T>(opts)
  // A key still on its way after the dialog closed (the second of a double Enter) saves nothing.
  const submit = () => (opts.isOpen() ? send() : Promise.resolve(undefined))
  const { close, onKeydown } = useFormDialog({ ...opts, save: submit })
  const frame = computed(() => ({
    busy: busy.value,
    error: error.value,
    onSave: submit,
    onClose: () => close(),
    onKeydown,
  }))
  return { frame, busy, error, submit, reset, close }
}
