import type { ServiceMode } from '@shared/site/contract'
import type { ShiftDto } from './contract'

export type ShiftSpec = Omit<ShiftDto, 'id'>

const DAY = { start: 510, end: 1050 } // 08:30–17:30
const NIGHT = { start: 1050, end: 510 } // 17:30–次日 08:30
const ALL_DAYS: ShiftSpec['dayTypes'] = ['workday', 'weekend', 'holiday']
const base = { needed: 1, active: true }

/**
 * The shifts a new site starts with, by service mode. Every mode has someone on
 * duty in the daytime of every weekend and statutory holiday (seed 003 §3.2.4
 * 「周六、日及其它法定节假日」; on-call phone duty counts when marked as cover) and
 * on call every night (seed 003: 5×8 on site, 7×24 duty outside working hours).
 * 5×8 is on site on working days and holidays and by phone on weekends (the shifts
 * every site starts with); 7×24 is on site in the daytime of weekends too.
 */
export const DEFAULT_SHIFTS: Record<ServiceMode, ShiftSpec[]> = {
  '5x8': [
    { name: '白班', ...DAY, kind: 'onsite', dayTypes: ['workday'], colour: '#1f5fbf', holidayCover: false, ...base },
    { name: '夜间待命', ...NIGHT, kind: 'oncall', dayTypes: ALL_DAYS, colour: '#7a5af8', holidayCover: false, ...base },
    {
      name: '节假日值班',
      ...DAY,
      kind: 'onsite',
      dayTypes: ['holiday'],
      colour: '#d03050',
      holidayCover: false,
      ...base,
    },
    {
      name: '周末电话值班',
      ...DAY,
      kind: 'oncall',
      dayTypes: ['weekend'],
      colour: '#0e7a5f',
      holidayCover: true,
      ...base,
    },
  ],
  '7x24': [
    { name: '白班', ...DAY, kind: 'onsite', dayTypes: ['workday'], colour: '#1f5fbf', holidayCover: false, ...base },
    { name: '夜间待命', ...NIGHT, kind: 'oncall', dayTypes: ALL_DAYS, colour: '#7a5af8', holidayCover: false, ...base },
    {
      name: '节假日值班',
      ...DAY,
      kind: 'onsite',
      dayTypes: ['weekend', 'holiday'],
      colour: '#d03050',
      holidayCover: false,
      ...base,
    },
  ],
}
