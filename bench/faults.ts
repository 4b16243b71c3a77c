import { FaultRepository } from '../src/main/services/faults/repository'
import type { FaultQuery } from '../src/shared/faults/contract'
import { presetPolicy } from '../src/shared/faults/sla'
import { toSiteIso } from '../src/shared/time/site-time'
import { benchSite, measure } from './support'

/** The fault list at 50k faults (goal: p95 ≤ 30 ms for every filter the screen offers). */
const N = Number(process.env.BENCH_FAULTS ?? 50_000)
const TITLES = [
  '统一业务系统无法登录',
  '电子卷宗上传失败',
  '交换平台数据积压',
  '数据库表空间不足',
  '网上信访页面缓慢',
  '打印控件加载失败',
]

export function benchFaults(): void {
  const start = Date.parse('2022-01-01T00:00:00+08:00')
  const end = start + 5 * 365 * 86_400_000
  const { db, s, actor, assets, done } = benchSite(end, 30)
  const policy = presetPolicy('hengqin')!
  s.sla.update(actor, policy)
  const repo = new FaultRepository(db)
  const t0 = performance.now()
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const reported = toSiteIso(start + Math.floor((i / N) * (end - start)))
      const level = policy.levels[i % policy.levels.length]!
      const open = i > N - 60
      const id = repo.insert({
        no: `GZ-B-${String(i).padStart(6, '0')}`,
        title: `${TITLES[i % TITLES.length]} ${i}`,
        asset_id: assets[i % assets.length]!,
        severity: level.code,
        category: 'other',
        level_json: JSON.stringify(level),
        pauses_stop_clock: 0,
        status: open ? 'in_progress' : 'closed',
        reported_at: reported,
        reported_by: '',
        report_channel: 'phone',
        symptoms: '用户反映无法正常使用',
        impact: '',
        owner_id: actor.id,
        service_log_id: null,
        major: 0,
        created_at: reported,
        created_by: actor.id,
        updated_at: reported,
      })
      repo.update(id, {
        respond_at: reported,
        recovered_at: open ? null : reported,
        analysis_at: open ? null : reported,
      })
      repo.index({
        id,
        no: `GZ-B-${i}`,
        title: `${TITLES[i % TITLES.length]} ${i}`,
        symptoms: '用户反映无法正常使用',
        impact: '',
        root_cause: '',
        resolution: '',
        analysis: '',
        workaround: '',
      })
    }
  })()
  console.log(`faults: inserted ${N} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const base: FaultQuery = { offset: 0, limit: 50 }
  measure<FaultQuery>(
    'fault list',
    [
      ['newest page', base],
      ['page 100', { ...base, offset: 5000 }],
      ['status closed', { ...base, status: 'closed' }],
      ['open only', { ...base, openOnly: true }],
      ['severity P1', { ...base, severity: 'P1' }],
      ['one system', { ...base, assetId: assets[3]! }],
      ['one month', { ...base, from: '2024-03-01', to: '2024-03-31' }],
      ['search 电子卷宗', { ...base, q: '电子卷宗' }],
      ['overdue (calendar computed)', { ...base, overdue: true }],
    ],
    (q) => s.faults.list(q).total,
  )
  done()
}
