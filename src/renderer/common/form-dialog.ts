import { useDialog } from 'naive-ui'

/**
 * The keyboard and close behaviour every form dialog shares: Enter saves (from
 * text areas too when `enterInTextareas`; Shift+Enter is then a new line), Esc
 * closes, and closing with unsaved changes asks first.
 */
export function useFormDialog(opts: {
  what: string
  isDirty: () => boolean
  hide: () => void
  save: () => unknown
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
