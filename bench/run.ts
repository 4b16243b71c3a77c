import { benchFaults } from './faults'
import { benchServiceLog } from './service-log'

// Figures, not pass/fail; targets are read by people:
// service log list ≤ 100 ms p95 at 500k entries, fault list ≤ 30 ms p95 at 50k faults.
const only = process.argv[2]
if (!only || only === 'service-log') benchServiceLog()
if (!only || only === 'faults') benchFaults()
