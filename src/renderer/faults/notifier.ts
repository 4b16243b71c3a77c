import { useNotification } from 'naive-ui'
import { MILESTONE_LABELS } from '../../shared/faults/sla'
import { formatDuration } from '../../shared/time/site-time'
import { backgroundApi } from '../common/api'
import { useFaults } from './store'

const WARN_MINUTES = 15
const CHECK_EVERY_MS = 30_000

/**
 * While the app runs: a local notification when an SLA milestone is 15 minutes
 * from its deadline, and again when it becomes overdue — once each. Nothing
 * leaves the machine: the OS notification is shown by Chromium itself.
 */
export function useSlaNotifier() {
  const faults = useFaults()
  const inApp = useNotification()
  const told = new Set<string>()

  function tell(key: string, faultId: number, title: string, body: string, type: 'warning' | 'error') {
    if (told.has(key)) return
    told.add(key)
    // Long enough to be read, short enough not to sit over the page's buttons; the board keeps the state.
    inApp[type]({ title, content: body, duration: 12_000, keepAliveOnHover: true, closable: true })
    if ('Notification' in window && Notification.permission === 'granted')
      new Notification(title, { body, silent: false })
    // Kept for the shift's handover: what this shift was warned about.
    void backgroundApi.handover.notified({ faultId, text: `${title}：${body}` }).catch(() => {})
  }

  async function check() {
    if (!faults.calendars) await faults.load()
    const open = (await backgroundApi.fault.list({ openOnly: true, offset: 0, limit: 500 })).items
    for (const f of open) {
      const progress = faults.progressLeft(f.clock)
      if (progress !== null && progress < 0) {
        const due = f.clock.lastUpdateAt ?? f.clock.reportedAt
        tell(
          `${f.id}:progress:${due}`,
          f.id,
          `${f.no} 该通报进展了`,
          `${f.title}（${f.severityName}）每 ${f.clock.level.progressEveryMin} 分钟通报一次，已逾期 ${formatDuration(-progress)}`,
          'warning',
        )
      }
      for (const m of faults.milestones(f.clock)) {
        const key = `${f.id}:${f.severity}:${m.milestone}`
        if (m.state === 'overdue')
          tell(
            `${key}:overdue`,
            f.id,
            `${f.no} ${MILESTONE_LABELS[m.milestone]}已超时`,
            `${f.title}（${f.severityName}）已超时 ${formatDuration(m.minutes)}`,
            'error',
          )
        else if ((m.state === 'at_risk' || m.state === 'running') && m.minutes <= WARN_MINUTES)
          tell(
            `${key}:soon`,
            f.id,
            `${f.no} ${MILESTONE_LABELS[m.milestone]}即将超时`,
            `${f.title}（${f.severityName}）还剩 ${formatDuration(m.minutes)}`,
            'warning',
          )
      }
    }
  }

  let timer: ReturnType<typeof setInterval> | undefined
  return {
    start() {
      if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission()
      void check().catch(() => {})
      timer = setInterval(() => void check().catch(() => {}), CHECK_EVERY_MS)
    },
    stop: () => clearInterval(timer),
  }
}
