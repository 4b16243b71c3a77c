/** The keys the app answers to, in one list: the shell acts on them and the `?` overlay shows them. */
export const HOTKEYS: { keys: string; what: string }[] = [
  { keys: 'F2', what: '登记运维记录（任何页面）' },
  { keys: 'F3', what: '登记故障（任何页面）' },
  { keys: '?', what: '显示 / 隐藏本快捷键列表' },
  { keys: 'Enter', what: '在表单中保存' },
  { keys: 'Shift+Enter', what: '在多行文本中换行' },
  { keys: 'Esc', what: '关闭对话框（有未保存内容时先询问）' },
  { keys: 'Tab / Shift+Tab', what: '在表单字段间移动；进入下拉框后直接输入即可筛选' },
  { keys: '↑ ↓ Enter', what: '在下拉框中选择' },
]

/** Whether a key press is meant as text: typed into a field, not a command to the app. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable
}
