import type { faultContract } from '../../../shared/faults/contract'
import type { Handlers } from '../../../shared/ipc/kit'
import type { CalendarService } from './service'

type CalendarChannels = Pick<
  typeof faultContract,
  'calendar/get' | 'calendar/saveOverride' | 'calendar/saveWorkingHours' | 'calendar/importNotice'
>

export const calendarHandlers = (calendar: CalendarService): Handlers<CalendarChannels> => ({
  'calendar/get': () => calendar.dto(),
  'calendar/saveOverride': (input, { actor }) => calendar.saveOverride(actor, input),
  'calendar/saveWorkingHours': (input, { actor }) => calendar.saveWorkingHours(actor, input.blocks),
  'calendar/importNotice': (input, { actor }) => calendar.importNotice(actor, input.text, input.year),
})
