/**
 * The contract year holding `today`: from the anniversary of the contract start
 * on or before today to the next one (exclusive). Seed 004 §五(一)2 limits major
 * faults 「每年」 of the service contract, so the year runs from the start date,
 * not from 1 January. A start on 29 February has its anniversary on 1 March in
 * common years.
 */
export function contractYear(contractStart: string, today: string): { from: string; to: string } {
  const anniversary = (year: number) => {
    const [, m, d] = contractStart.split('-').map(Number)
    return new Date(Date.UTC(year, m! - 1, d!)).toISOString().slice(0, 10)
  }
  let year = Number(today.slice(0, 4))
  if (anniversary(year) > today) year--
  return { from: anniversary(year), to: anniversary(year + 1) }
}
