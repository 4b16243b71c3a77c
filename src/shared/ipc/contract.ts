import { accountContract, authContract } from '@shared/auth/contract'
import { assetContract } from '@shared/assets/contract'
import { auditContract } from '@shared/audit/contract'
import { calendarContract } from '@shared/calendar/contract'
import { dashboardContract } from '@shared/dashboard/contract'
import { faultContract } from '@shared/faults/contract'
import { reminderContract } from '@shared/faults/reminders'
import { handoverContract } from '@shared/handover/contract'
import { rosterContract } from '@shared/roster/contract'
import { searchContract } from '@shared/search/contract'
import { serviceLogContract } from '@shared/serviceLog/contract'
import { siteContract } from '@shared/site/contract'
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
