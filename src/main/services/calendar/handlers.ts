import type { calendarContract } from '@shared/calendar/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { CalendarService } from './service'

export const calendarHandlers = (calendar: CalendarService): Handlers<typeof calendarContract> => ({
  'calendar/get': () => calendar.dto(),
  'calendar/saveOverride': (input, { actor }) => calendar.saveOverride(actor, input),
  'calendar/saveWorkingHours': (input, { actor }) => calendar.saveWorkingHours(actor, input.blocks),
  'calendar/importNotice': (input, { actor }) => calendar.importNotice(actor, input.text, input.year),
})
