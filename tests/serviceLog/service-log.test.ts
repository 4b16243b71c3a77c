import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorld, setUpSite, type World } from '../support/world'

let w: World
let categoryId: number
let systemId: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T17:00:00+08:00')
  await setUpSite(w)
  categoryId = (await w.api.serviceLog.categories()).find((c) => c.name === '账号权限')!.id
  systemId = (await w.api.asset.create({ name: '统一业务应用系统', kind: 'system', tier: 2 })).id
  const entries = [
    ['2026-11-23T09:05:00+08:00', '检察官王某忘记登录密码，已重置密码并告知'],
    ['2026-11-23T10:20:00+08:00', '统一业务应用系统打开文书报错，清理浏览器缓存后恢复'],
    ['2026-11-22T15:00:00+08:00', '电子卷宗扫描件上传失败，调整中间件上传大小限制'],
  ] as const
  for (const [serviceTime, content] of entries) {
    await w.api.serviceLog.create({
      serviceTime,
      channel: 'phone',
      categoryId,
      assetId: systemId,
      content,
      requester: '王检察官',
      requesterDept: '第一检察部',
    })
  }
})
afterEach(() => w.close())

const search = (q: string) => w.api.serviceLog.list({ q }).then((p) => p.items.map((i) => i.content))

describe('service log search in Chinese', () => {
  it('finds entries by a two-character word such as 密码', async () => {
    expect(await search('密码')).toEqual(['检察官王某忘记登录密码，已重置密码并告知'])
  })

  it('finds entries by a longer phrase, and not by its characters scattered', async () => {
    expect(await search('打开文书报错')).toHaveLength(1)
    expect(await search('文书密码')).toEqual([])
  })

  it('finds entries by a single character with a scan', async () => {
    expect(await search('卷')).toEqual(['电子卷宗扫描件上传失败，调整中间件上传大小限制'])
  })

  it('requires every space-separated term', async () => {
    expect(await search('上传 中间件')).toHaveLength(1)
    expect(await search('上传 密码')).toHaveLength(0)
  })

  it('follows an edit: the old words no longer match, the new ones do', async () => {
    const [entry] = (await w.api.serviceLog.list({ q: '密码' })).items
    await w.api.serviceLog.update({ ...entry!, content: '协助开通案件管理子系统账号', assetId: systemId })
    expect(await search('密码')).toEqual([])
    expect(await search('开通')).toHaveLength(1)
  })
})

describe('service log records', () => {
  it('filters by date range, newest first', async () => {
    const page = await w.api.serviceLog.list({ from: '2026-11-23', to: '2026-11-23' })
    expect(page.total).toBe(2)
    expect(page.items.map((i) => i.serviceTime)).toEqual(['2026-11-23T10:20:00+08:00', '2026-11-23T09:05:00+08:00'])
  })

  it('voids with a reason: kept, struck from statistics, and no longer editable', async () => {
    const [entry] = (await w.api.serviceLog.list({ q: '卷宗' })).items
    const voided = await w.api.serviceLog.void({ id: entry!.id, reason: '重复登记' })
    expect(voided).toMatchObject({ voided: true, voidReason: '重复登记', voidedByName: '张伟' })
    expect((await w.api.serviceLog.list({})).total).toBe(3)
    expect((await w.api.serviceLog.list({ includeVoided: false })).total).toBe(2)
    await expect(w.api.serviceLog.update({ ...entry!, content: '改' })).rejects.toMatchObject({
      code: 'SERVICE_LOG_VOIDED',
    })
    await expect(w.api.serviceLog.void({ id: entry!.id, reason: '再次作废' })).rejects.toMatchObject({
      code: 'SERVICE_LOG_VOIDED',
    })
  })

  it('refuses a service time in the future', async () => {
    await expect(
      w.api.serviceLog.create({
        serviceTime: '2026-11-23T18:00:00+08:00',
        channel: 'phone',
        categoryId,
        content: '未来',
      }),
    ).rejects.toMatchObject({ code: 'SERVICE_TIME_FUTURE', message: '服务时间不能晚于当前时间' })
  })

  it('refuses an impossible date with a Chinese message', async () => {
    await expect(
      w.api.serviceLog.create({ serviceTime: '2026-02-30T09:00:00+08:00', channel: 'phone', categoryId, content: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '时间格式不正确或日期不存在' })
  })

  it('audits create, update and void with before and after', async () => {
    const rows = w.db
      .prepare("SELECT action, before_json IS NOT NULL AS hasBefore FROM audit_log WHERE entity = 'serviceLog'")
      .all()
    expect(rows).toHaveLength(3)
    const [entry] = (await w.api.serviceLog.list({})).items
    await w.api.serviceLog.void({ id: entry!.id, reason: '登记错误' })
    const last = w.db
      .prepare(
        "SELECT action, before_json, after_json FROM audit_log WHERE entity = 'serviceLog' ORDER BY seq DESC LIMIT 1",
      )
      .get() as Record<string, string>
    expect(last.action).toBe('void')
    expect(JSON.parse(last.before_json!).voided).toBe(false)
    expect(JSON.parse(last.after_json!).voided).toBe(true)
  })

  it('shows today in the dashboard without voided entries', async () => {
    const [first] = (await w.api.serviceLog.list({ from: '2026-11-23' })).items
    await w.api.serviceLog.void({ id: first!.id, reason: '重复' })
    expect(await w.api.dashboard.today()).toMatchObject({
      date: '2026-11-23',
      serviceToday: 1,
      doneToday: 1,
      assetsInService: 1,
    })
  })
})
