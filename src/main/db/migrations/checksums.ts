/**
 * SHA-256 of each migration's source file (LF line ends) as released. Stored with
 * every applied migration; a test fails, and a development build refuses to open,
 * when an applied migration's text changed. Add a line for each new migration;
 * never change a line.
 */
export const MIGRATION_CHECKSUMS: Readonly<Record<string, string>> = {
  '2026-11-23-01-foundation': 'e410e8d6b3674c6a4a7d682076d3963efd48cc5d1859bc6460a00b6987707474',
  '2026-11-24-01-faults': '61367644b18316db48811bbbf4d7bb25b73a06e01fc7c0d0d91b6367388c2e43',
  '2026-11-24-02-roster': '58c3ee17dafb6b9618210459a5d8e9bef34a3f15514086ca82c592f2a6dacf28',
  '2026-11-24-03-handover': '7e9e14950b0b770f3582923be9eb50d63cf58d229125d25a5f5d2a3cead5eddb',
  '2026-11-25-10-request-ids': '645257a9bf4956c06550c6845b3b7ac1235bbf6494d00628bf3e11a41adab228',
  '2026-11-25-21-sla-reminders': '7e2a7763526315f72d1adc3779f503186bf6f95099b522bb038740f5aaee7c0c',
  '2026-11-25-41-contract-rules': 'cad0215b0bcbb8e5cf6309a540082d05c8f11159bc4f682e00f6c3e47e35840e',
  '2026-11-25-61-audit-proof': '25c92b4d41dc16ee24c1fb4b78c51099559eee0d3e27abb338ae7690889461d8',
  '2026-11-25-62-login-failure-window': '72c4a822df0c3e724a221e85d86ae853013928014575d2e33b0a73ab76f0027f',
  '2026-11-25-05-notification-log-repair': '43c040f49163940c5f2a04a4e845b6c23134718d89844e32ed0674346ae89ec2',
}
