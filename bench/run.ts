import { benchServiceLog } from './service-log'

// Figures, not pass/fail: targets are read by people (service log list ≤ 100 ms p95 at 500k).
benchServiceLog()
