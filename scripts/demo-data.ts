import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../src/main/db/connection'
import { fileSealKey, sealKeyPathFor } from '../src/main/security/seal-key'
import { buildServices } from '../src/main/services'
import type { AssetKind } from '../src/shared/assets/contract'
import type { Actor } from '../src/shared/ipc/kit'
import { parseIso, toSiteDate, toSiteIso } from '../src/shared/time/site-time'
import { demoHandover, demoRoster } from './demo-duty'

/**
 * A realistic year of one site: a provincial procuratorate (seed 003) with the
 * 17 systems of its scope list, their hosts and databases, four resident
 * engineers, a few thousand service requests on working days, the roster
 * (published up to the current month) and a handover for every day.
 *
 * Everything is relative to `now`, passed in: the same `now` gives the same site.
 */
export const DEMO_PASSWORD = 'Demo#2026'

const SYSTEMS: [string, number][] = [
  ['统一业务应用软件', 1],
  ['案件信息公开系统', 2],
  ['网上信访系统', 2],
  ['AJ1203 统计系统', 3],
  ['电子卷宗应用系统', 1],
  ['案件信息公开系统（微信版）', 3],
  ['统一业务应用软件统计子功能', 3],
  ['统一业务应用软件执检模块', 2],
  ['全国检察机关队伍管理系统', 3],
  ['数据交换平台', 1],
  ['案件管理系统', 2],
  ['行贿犯罪档案查询系统', 3],
  ['政务系统', 3],
  ['信息发布系统', 4],
  ['安全邮件系统', 2],
  ['全文检索系统', 4],
  ['工作日志管理系统', 4],
]
const INFRA: [string, AssetKind, string, number, string][] = [
  ['TYYW-APP01', 'host', '统一业务应用软件', 1, 'IP 10.46.1.11 · 麒麟 V10 · 应用服务器'],
  ['TYYW-APP02', 'host', '统一业务应用软件', 1, 'IP 10.46.1.12 · 麒麟 V10 · 应用服务器'],
  ['TYYW-ORACLE', 'database', '统一业务应用软件', 1, 'Oracle 11g RAC · 10.46.1.21/22'],
  ['DZJZ-APP01', 'host', '电子卷宗应用系统', 1, 'IP 10.46.2.11 · 文书扫描与上传'],
  ['交换平台 ICE 服务', 'middleware', '数据交换平台', 1, 'ICE 3.6 · 端口 10000-10010'],
  ['GoldenGate 同步', 'middleware', '数据交换平台', 2, 'OGG 12c · 省院→高检院'],
  ['达梦数据库 DM8', 'database', '案件管理系统', 2, 'DM8 · 10.46.3.21'],
  ['Nginx 反向代理', 'middleware', '信息发布系统', 4, 'nginx 1.20'],
  ['考勤机（一楼大厅）', 'device', '', 5, '中控 iFace'],
]
const ENGINEERS = [
  { username: 'zhangwei', displayName: '张伟', role: 'lead' as const, phone: '13907550001' },
  { username: 'liqiang', displayName: '李强', role: 'engineer' as const, phone: '13907550002' },
  { username: 'wangfang', displayName: '王芳', role: 'engineer' as const, phone: '13907550003' },
  { username: 'chenjie', displayName: '陈杰', role: 'engineer' as const, phone: '13907550004' },
]
const DEPTS = [
  '第一检察部',
  '第二检察部',
  '第三检察部',
  '案件管理部',
  '办公室',
  '政治部',
  '海口市院',
  '三亚市院',
  '儋州市院',
  '琼海市院',
  '文昌市院',
  '万宁市院',
]
const NAMES = [
  '王检察官',
  '李书记员',
  '陈主任',
  '林科长',
  '黄检察官',
  '吴助理',
  '符检察官',
  '郑干警',
  '何书记员',
  '云主任',
]
/** [category, content, result, minutes, system or null] */
const REQUESTS: [string, string, string, number, string | null][] = [
  [
    '账号权限',
    '忘记统一业务应用系统登录密码，申请重置密码',
    '核实身份后重置密码并告知首次登录修改',
    10,
    '统一业务应用软件',
  ],
  ['账号权限', '新调入干警需开通账号并授予案件办理权限', '协助院系统管理员新增人员并授权', 20, '统一业务应用软件'],
  ['账号权限', 'uKey 登录提示证书过期', '协助更新证书，重新绑定 uKey', 25, '统一业务应用软件'],
  ['咨询', '咨询电子卷宗如何批量上传扫描件', '电话指导操作步骤，已上传成功', 15, '电子卷宗应用系统'],
  ['咨询', '询问案件信息公开系统程序性信息发布流程', '现场讲解发布流程并演示', 20, '案件信息公开系统'],
  ['故障', '打开文书提示控件加载失败', '重新注册文书控件，清理浏览器缓存后恢复', 30, '统一业务应用软件'],
  ['故障', '电子卷宗扫描件上传失败，提示文件过大', '调整中间件上传大小限制后恢复', 40, '电子卷宗应用系统'],
  ['故障', '统计报表数据与案件数量不一致', '核查统计口径，重新生成统计数据', 60, 'AJ1203 统计系统'],
  ['故障', '数据交换平台下行数据积压', '重启 ICE 服务，积压数据已处理完毕', 45, '数据交换平台'],
  ['数据维护', '案件承办人变更，需要调整案件归属', '按审批单在后台调整承办人', 20, '案件管理系统'],
  ['数据维护', '错录的案件受理日期需要更正', '按流程提交更正申请并协助修改', 25, '统一业务应用软件'],
  ['巡检', '每日常规巡检：应用服务器、数据库、交换平台', '各项指标正常，已记录巡检日志', 40, null],
  ['升级', '统一业务应用软件补丁包测试环境验证', '测试通过，提交升级计划待审批', 90, '统一业务应用软件'],
  ['培训', '为新入职干警培训统一业务应用系统基本操作', '完成培训，发放操作手册', 120, '统一业务应用软件'],
  ['安全', '终端提示病毒告警', '断网隔离后查杀，已恢复正常并报告信息中心', 50, null],
  ['其他', '会议室投影无法显示电脑画面', '更换视频线后恢复', 15, null],
  ['咨询', '询问安全邮件系统附件大小限制', '告知限制为 50MB，建议分卷压缩', 5, '安全邮件系统'],
  ['故障', '网上信访系统页面打开缓慢', '清理应用服务器日志并重启服务，响应恢复正常', 35, '网上信访系统'],
]

/** A deterministic pseudo-random sequence so every demo site looks the same. */
function rng(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
}

export interface DemoOptions {
  /** the demo's "now": the year of records ends here */
  now: number
  /** length of the demo history (365: a year) */
  days?: number
  /** service requests per working day, on average */
  perDay?: number
}

export function generateDemoData(dataDir: string, opts: DemoOptions): string {
  mkdirSync(dataDir, { recursive: true })
  const db = openDatabase(join(dataDir, 'duty-console.sqlite3'))
  const end = opts.now
  const start = end - (opts.days ?? 365) * 86_400_000
  const clock = {
    ms: start - 86_400_000,
    now() {
      return this.ms
    },
  }
  const s = buildServices(db, clock, fileSealKey(sealKeyPathFor(dataDir)))
  const random = rng(20261123)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  let entries = 0
  let faults = 0
  let handovers = 0
  const faultsFrom: { entry: ReturnType<typeof s.serviceLog.create>; actor: Actor }[] = []
  try {
    // One outer transaction: thousands of audited writes, one fsync.
    db.transaction(() => {
      s.auth.setup({
        site: {
          customerUnit: '海南省人民检察院',
          providerName: '海南某信息技术有限公司',
          // The current contract began some ten months ago: its contract year holds most of the data.
          contractStart: `${toSiteIso(end - 300 * 86_400_000).slice(0, 7)}-01`,
          contractEnd: toSiteIso(end + 30 * 86_400_000).slice(0, 10),
          serviceMode: '5x8',
          idleLockMinutes: 15,
        },
        admin: { ...ENGINEERS[0]!, password: DEMO_PASSWORD },
      })
      // The contract's preset, plus one site agreement (a setting any site may make): a
      // 处理方案 within 2 hours for 一级 and 二级, so a missed plan shows in the statistics.
      const preset = s.sla.usePreset(null, 'hainan-procuratorate').policy
      s.sla.update(null, {
        ...preset,
        levels: preset.levels.map((l) =>
          l.code === 'L1' || l.code === 'L2'
            ? { ...l, targets: { ...l.targets, plan: { amount: 2, unit: 'hour', calendar: 'always' } } }
            : l,
        ),
      })
      s.rosterSetup.useDefaultShifts('5x8')
      s.auth.login('zhangwei', DEMO_PASSWORD)
      const lead = s.auth.currentActor()!
      const actors = [lead]
      for (const e of ENGINEERS.slice(1)) {
        const u = s.accounts.create(lead, { ...e, password: DEMO_PASSWORD })
        actors.push({ id: u.id, username: u.username, displayName: u.displayName, role: u.role })
      }
      s.accounts.create(lead, {
        username: 'reviewer',
        displayName: '信息装备处',
        role: 'reviewer',
        phone: '',
        password: DEMO_PASSWORD,
      })
      const assetIds = new Map<string, number>()
      for (const [name, tier] of SYSTEMS) {
        assetIds.set(
          name,
          s.assets.create(lead, {
            name,
            kind: 'system',
            parentId: null,
            department: '信息技术处',
            tier,
            contacts: '',
            configNotes: '',
            status: 'in_service',
          }).id,
        )
      }
      for (const [name, kind, parent, tier, notes] of INFRA) {
        assetIds.set(
          name,
          s.assets.create(lead, {
            name,
            kind,
            parentId: parent ? assetIds.get(parent)! : null,
            department: '信息技术处',
            tier,
            contacts: '',
            configNotes: notes,
            status: 'in_service',
          }).id,
        )
      }
      clock.ms = start
      const team = actors.map((x) => x.id)
      demoRoster(s, lead, team, toSiteDate(start), end)
      const people = new Map(actors.map((a) => [a.id, a]))
      const today = toSiteDate(end)
      const categories = new Map(s.serviceLog.categories().map((c) => [c.name, c.id]))
      const perDay = opts.perDay ?? 12
      for (let day = start; day < end; day += 86_400_000) {
        const weekday = new Date(day + 8 * 3_600_000).getUTCDay()
        const n = weekday === 0 || weekday === 6 ? Math.floor(random() * 2) : Math.floor(perDay * (0.5 + random()))
        const dayStart = parseIso(toSiteIso(day).slice(0, 10) + 'T08:30:00+08:00')!
        for (let i = 0; i < n; i++) {
          const t = dayStart + Math.floor(random() * 9 * 3_600_000)
          if (t > end) break
          clock.ms = t + 5 * 60_000
          const [category, content, result, minutes, system] = pick(REQUESTS)
          const actor = pick(actors)
          const recent = end - t < 2 * 86_400_000
          const entry = s.serviceLog.create(actor, {
            serviceTime: toSiteIso(t),
            requester: pick(NAMES),
            requesterDept: pick(DEPTS),
            assetId: system ? assetIds.get(system)! : null,
            channel: pick(['phone', 'phone', 'onsite', 'onsite', 'email', 'other'] as const),
            categoryId: categories.get(category)!,
            content,
            result: recent && random() < 0.3 ? '' : result,
            durationMin: Math.max(5, Math.round(minutes * (0.6 + random()))),
            status: recent && random() < 0.3 ? 'open' : 'done',
          })
          if (random() < 0.004) s.serviceLog.void(actor, entry.id, '重复登记')
          else if (category === '故障' && random() < 0.12) faultsFrom.push({ entry, actor })
          entries++
        }
        const date = toSiteDate(day)
        if (date < today) {
          const summary = n ? `本班受理服务请求 ${n} 项，已登记运维记录。` : '本班无服务请求，系统运行正常。'
          if (demoHandover(s, clock, date, people, DEMO_PASSWORD, summary)) handovers++
        }
      }
      // A fault for some of the incidents: most handled within their SLA, the last ones still open.
      const levels = s.sla.policy().levels
      // Two faults told apart: one 一级 whose leaders were informed (seed 003 §4.3.3.3), and one
      // 二级 recovered after its 2-hour plan deadline without a plan — missed, not 未发生.
      const majorAt = Math.floor(faultsFrom.length / 2)
      const missedPlanAt = Math.floor(faultsFrom.length / 3)
      faultsFrom.forEach(({ entry, actor }, i) => {
        const reported = parseIso(entry.serviceTime)!
        clock.ms = reported + 60_000
        // Mostly minor incidents; a top-level fault is rare (as a contract's once-a-year limit expects).
        const r = random()
        const rank = i === majorAt ? 0 : i === missedPlanAt ? 1 : r < 0.03 ? 0 : r < 0.2 ? 1 : r < 0.6 ? 2 : 3
        const level = levels[Math.min(levels.length - 1, rank)]!
        const c = random()
        const fault = s.faults.create(actor, {
          title: entry.content,
          severity: level.code,
          category: c < 0.7 ? 'software' : c < 0.8 ? 'hardware' : c < 0.9 ? 'network' : 'environment',
          assetId: entry.assetId,
          reportedAt: entry.serviceTime,
          reportedBy: entry.requester,
          reportChannel: 'phone',
          symptoms: entry.content,
          impact: '',
          serviceLogId: entry.id,
        })
        const at = (minutes: number) => toSiteIso(reported + minutes * 60_000)
        const open = i >= faultsFrom.length - 2
        if (end - reported < 3 * 3_600_000 && !open) return
        clock.ms = Math.min(end, reported + 6 * 3_600_000)
        s.faults.addEvent(actor, {
          faultId: fault.id,
          kind: 'respond',
          at: at(5 + Math.floor(random() * 20)),
          text: '电话受理',
        })
        if (level.targets.notify)
          s.faults.addEvent(actor, {
            faultId: fault.id,
            kind: 'notify',
            at: at(3),
            target: '信息技术处处长',
            via: 'phone',
            text: '电话报告故障现象和影响范围，处长要求每 30 分钟通报进展',
          })
        if (open) return
        if (level.targets.plan && i !== missedPlanAt)
          s.faults.addEvent(actor, {
            faultId: fault.id,
            kind: 'plan',
            at: at(26 + Math.floor(random() * 10)),
            text: '先切换备用节点恢复业务，再排查根因',
          })
        s.faults.addEvent(actor, {
          faultId: fault.id,
          kind: 'recover',
          at: at(i === missedPlanAt ? 180 : 40 + Math.floor(random() * 200)),
          text: entry.result,
        })
        clock.ms = Math.min(end, reported + 30 * 3_600_000)
        const closedAt = at(300 + Math.floor(random() * 600))
        if (fault.major)
          s.faults.addEvent(actor, { faultId: fault.id, kind: 'root_cause', at: closedAt, text: entry.result })
        s.faults.addEvent(actor, {
          faultId: fault.id,
          kind: 'analysis',
          at: closedAt,
          text: `原因：${entry.result}。已纳入日常巡检。`,
          // A major fault's emergency-flow forms went to the customer on paper at the time.
          closeReason: fault.major ? '应急流程表单已按纸质流程报信息中心签字存档' : undefined,
        })
        faults++
      })
      clock.ms = end
      s.auth.logout(lead)
    })()
  } finally {
    db.close()
  }
  return `演示数据已生成：${SYSTEMS.length} 个业务系统、${INFRA.length} 个主机/数据库/中间件/设备、${ENGINEERS.length} 名工程师、${entries} 条运维记录、${faultsFrom.length} 个故障（${faults} 个已关闭）、${handovers} 次交接班（${dataDir}）`
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string', default: '.data/demo' }, end: { type: 'string' } },
  })
  // The one place the real time is read: the command line's edge.
  const now = values.end ? parseIso(values.end) : Date.now()
  if (now === null) throw new Error('--end 应为 ISO 时间，例如 2026-11-25T09:00:00+08:00')
  console.log(generateDemoData(resolve(values['data-dir']!), { now }))
}
