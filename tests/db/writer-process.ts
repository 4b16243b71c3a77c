// One of two app processes writing the same data file at once (see concurrency.test.ts):
// logs in and records N service-log entries, then prints how many succeeded and failed.
import { openDatabase } from '../../src/main/db/connection'
import { fileSealKey } from '../../src/main/security/seal-key'
import { buildServices } from '../../src/main/services'
import { systemClock } from '../../src/main/services/clock'
import { LEAD_PASSWORD } from '../support/world'

const [file, countArg, label, sealKeyFile] = process.argv.slice(2)
const db = openDatabase(file!)
// The same seal key as the app that owns the file, as a second copy on the same PC would have.
const services = buildServices(db, systemClock, fileSealKey(sealKeyFile!))
services.auth.login('zhangwei', LEAD_PASSWORD)
const actor = services.auth.currentActor()!
const categoryId = services.serviceLog.categories()[0]!.id
let ok = 0
const errors: string[] = []
for (let i = 0; i < Number(countArg); i++) {
  try {
    services.serviceLog.create(actor, {
      serviceTime: '2026-11-23T09:00:00+08:00',
      requester: `${label}-${i}`,
      requesterDept: '',
      assetId: null,
      channel: 'phone',
      categoryId,
      content: `进程 ${label} 的第 ${i} 条记录`,
      result: '',
      durationMin: 0,
      status: 'done',
    })
    ok++
  } catch (e) {
    errors.push(String(e))
  }
}
db.close()
process.stdout.write(JSON.stringify({ ok, failed: errors.length, firstError: errors[0] ?? null }))
