import { z } from 'zod'
import { YEAR_RANGE_TEXT, yearInRange } from './bounds'
import { isValidDate, normaliseIso, parseIso } from './site-time'

/** An instant with an explicit offset; normalised to site time (+08:00). */
export const isoDateTime = z
  .string({ error: '请填写时间' })
  .refine((v) => parseIso(v) !== null, { message: '时间格式不正确或日期不存在' })
  .transform(normaliseIso)
  .refine(yearInRange, { message: YEAR_RANGE_TEXT })

export const isoDate = z
  .string({ error: '请填写日期' })
  .refine(isValidDate, { message: '日期格式不正确或日期不存在（应为 YYYY-MM-DD）' })
  .refine(yearInRange, { message: YEAR_RANGE_TEXT })
