import type { ServiceMode } from '../site/contract'
import type { ShiftDto } from './contract'

export type ShiftSpec = Omit<ShiftDto, 'id'>

const DAY = { start: 510, end: 1050 } // 08:30–17:30
const ALL_DAYS: ShiftSpec['dayTypes'] = ['workday', 'weekend', 'holiday']
const OFF_DAYS: ShiftSpec['dayTypes'] = ['weekend', 'holiday']

/**
 * The shifts a new site starts with, by service mode. Every mode covers weekends
 * and statutory holidays in the daytime (seed 003 §3.2.4 「周六、日及其它法定节假日」
 * need an engineer on duty; on-call phone duty counts) and every night by phone
 * (seed 003: 5×8 on site, 7×24 duty outside working hours). 5×8 is on site only in
 * working hours; 7×24 has someone on site in the daytime of weekends and holidays too.
 */
export const DEFAULT_SHIFTS: Record<ServiceMode, ShiftSpec[]> = {
  '5x8': [
    { name: '白班', ...DAY, kind: 'onsite', dayTypes: ['workday'], needed: 1, colour: '#1f5fbf', active: true },
    {
      name: '夜间待命',
      start: 1050,
      end: 510,
      kind: 'oncall',
      dayTypes: ALL_DAYS,
      needed: 1,
      colour: '#7a5af8',
      active: true,
    },
    { name: '节假日值班', ...DAY, kind: 'oncall', dayTypes: OFF_DAYS, needed: 1, colour: '#d03050', active: true },
  ],
  '7x24': [
    { name: '白班', ...DAY, kind: 'onsite', dayTypes: ['workday'], needed: 1, colour: '#1f5fbf', active: true },
    {
      name: '夜间待命',
      start: 1050,
      end: 510,
      kind: 'oncall',
      dayTypes: ALL_DAYS,
      needed: 1,
      colour: '#7a5af8',
      active: true,
    },
    { name: '节假日值班', ...DAY, kind: 'onsite', dayTypes: OFF_DAYS, needed: 1, colour: '#d03050', active: true },
  ],
}
