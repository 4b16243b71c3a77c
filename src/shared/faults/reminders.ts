import { z } from 'zod'
import { channel } from '@shared/ipc/kit'

/** A milestone about to run out, one that ran out, or a progress update to the customer that is late. */
export type ReminderState = 'at_risk' | 'overdue'

export interface SlaReminderDto {
  /** one per fault, milestone (or progress due time) and state: acknowledging it holds until the state changes */
  key: string
  faultId: number
  faultNo: string
  faultTitle: string
  state: ReminderState
  /** e.g. 「GZ-2026-0001 响应已超时」 */
  title: string
  /** e.g. 「统一业务系统登录缓慢（P2 严重）已超时 35分」 */
  body: string
  /** e.g. 「响应已超时 35分」, for a card that lists a fault's reminders together */
  short: string
  /** when it was first recorded (by whoever was logged in) */
  at: string
  /** recorded by this call: the first time anyone on this PC is told */
  fresh: boolean
}

export const reminderContract = {
  /**
   * The SLA reminders that hold now for every open fault; new ones are recorded
   * (once each, in one transaction) for the shift's handover.
   */
  'fault/reminders': channel<SlaReminderDto[]>()(z.undefined(), 'user'),
}
