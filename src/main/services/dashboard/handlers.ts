import type { dashboardContract } from '@shared/dashboard/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { DashboardService } from './service'
import type { SetupChecklist } from './setup-checklist'

export const dashboardHandlers = (
  dashboard: DashboardService,
  checklist: SetupChecklist,
): Handlers<typeof dashboardContract> => ({
  'dashboard/today': (_, { actor }) => dashboard.today(actor),
  'dashboard/setup': () => checklist.steps(),
})
