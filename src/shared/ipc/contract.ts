import { accountContract, authContract } from '../auth/contract'
import { assetContract } from '../assets/contract'
import { auditContract } from '../audit/contract'
import { calendarContract } from '../calendar/contract'
import { dashboardContract } from '../dashboard/contract'
import { faultContract } from '../faults/contract'
import { reminderContract } from '../faults/reminders'
import { handoverContract } from '../handover/contract'
import { rosterContract } from '../roster/contract'
import { searchContract } from '../search/contract'
import { serviceLogContract } from '../serviceLog/contract'
import { siteContract } from '../site/contract'
import type { ApiOf } from './kit'

/** The one IPC contract: every channel the renderer may call, its input schema and access. */
export const contract = {
  ...authContract,
  ...accountContract,
  ...siteContract,
  ...assetContract,
  ...serviceLogContract,
  ...auditContract,
  ...dashboardContract,
  ...calendarContract,
  ...faultContract,
  ...reminderContract,
  ...rosterContract,
  ...handoverContract,
  ...searchContract,
}

export type Contract = typeof contract
export type Channel = keyof Contract
export type Api = ApiOf<Contract>

export const CHANNELS = Object.keys(contract) as Channel[]
