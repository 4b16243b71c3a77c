import type { FormItemRule } from 'naive-ui'
import type { z } from 'zod'

/**
 * A Naive UI rule that validates one field with the same zod schema the main
 * process uses, so the message while typing is the message the server would give.
 */
export function zodRule(schema: z.ZodType, required = false): FormItemRule {
  return {
    required,
    trigger: ['input', 'blur', 'change'],
    validator: (_rule, value: unknown) => {
      const result = schema.safeParse(value === null && !required ? undefined : value)
      if (!result.success) return new Error(result.error.issues[0]?.message ?? '输入不正确')
      return true
    },
  }
}

/** Naive's date-time picker writes the wall-clock time typed; the site is always UTC+8. */
export const SITE_DATETIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss'+08:00'"
export const DATE_FORMAT = 'yyyy-MM-dd'
