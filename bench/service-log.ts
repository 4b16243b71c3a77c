import { ServiceLogRepository } from '../src/main/services/serviceLog/repository'
import type { ServiceLogQuery } from '../src/shared/serviceLog/contract'
import { toSiteIso } from '../src/shared/time/site-time'
import { benchSite, measure } from './support'

/**
 * The service log at 500k entries (SPEC: it must stay fast at that size):
 * the queries the list screen makes, p50/p95 over repeated runs.
 */
const N = Number(process.env.BENCH_ROWS ?? 500_000)
const PHRASES = [
  '忘记登录密码，申请重置密码',
  '电子卷宗扫描件上传失败',
  '统计报表数据与案件数量不一致',
  '数据交换平台下行数据积压',
  '咨询案件信息公开发布流程',
  '终端提示病毒告警，断网隔离后查杀',
]

export function benchServiceLog(): void {
  const start = Date.parse('2021-01-01T00:00:00+08:00')
  const { db, s, actor: lead, assets, done } = benchSite(start + 6 * 365 * 86_400_000, 40)
  const categories = s.serviceLog.categories().map((c) => c.id)
  const repo = new ServiceLogRepository(db)
  const t0 = performance.now()
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const t = start + Math.floor((i / N) * 6 * 365 * 86_400_000)
      repo.insert(
        {
          serviceTime: toSiteIso(t),
          requester: `用户${i % 500}`,
          requesterDept: `部门${i % 30}`,
          assetId: assets[i % assets.length]!,
          channel: 'phone',
          categoryId: categories[i % categories.length]!,
          content: `${PHRASES[i % PHRASES.length]}（第${i}次）`,
          result: '已处理',
          durationMin: 10,
          status: i % 50 === 0 ? 'open' : 'done',
        },
        lead.id,
        lead.id,
        toSiteIso(t),
      )
    }
  })()
  console.log(`service log: inserted ${N} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const base: ServiceLogQuery = { includeVoided: true, offset: 0, limit: 100 }
  const cases: [string, ServiceLogQuery][] = [
    ['newest page, no filter', base],
    ['page 50', { ...base, offset: 5000 }],
    ['one month', { ...base, from: '2024-03-01', to: '2024-03-31' }],
    ['one system', { ...base, assetId: assets[7]! }],
    ['open only', { ...base, status: 'open' }],
    ['search 密码 (2 chars)', { ...base, q: '密码' }],
    ['search phrase 扫描件上传失败', { ...base, q: '扫描件上传失败' }],
    ['search 卷 (1 char, scan)', { ...base, q: '卷' }],
    ['search + month', { ...base, q: '密码', from: '2024-03-01', to: '2024-03-31' }],
  ]
  measure('service log', cases, (q) => s.serviceLog.list(q).total)
  done()
}
