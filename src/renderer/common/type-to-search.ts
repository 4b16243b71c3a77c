/**
 * Keyboard-first dropdowns: Naive UI puts Tab focus on a searchable select's
 * label, where typed characters go nowhere until Enter or ↓ opens the menu.
 * Moving that focus into the select's own search input makes typing (an IME
 * included) filter at once; Enter and ↓ still open the menu from there.
 */
export function installTypeToSearch(root: Document = document): void {
  root.addEventListener('focusin', (e) => {
    const label = e.target as HTMLElement | null
    if (!label?.classList?.contains('n-base-selection-label')) return
    const input = label.querySelector<HTMLInputElement>('input.n-base-selection-input')
    if (input && !input.disabled) input.focus()
  })
}
