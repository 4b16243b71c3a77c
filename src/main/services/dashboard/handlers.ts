import type { dashboardContract } from '../../../shared/dashboard/contract'
import type { Handlers } from '../../../shared/ipc/kit'
import type { DashboardService } from './service'

export const dashboardHandlers = (dashboard: DashboardService): Handlers<typeof dashboardContract> => ({
  'dashboard/today': (_, { actor }) => dashboard.today(actor),
})
