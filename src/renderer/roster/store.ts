import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { MonthDto, SwapDto } from '@shared/roster/contract'
import { toSiteDate } from '@shared/time/site-time'
import { api } from '@renderer/common/api'

/** The month on screen, its swaps, and a version bumped after each change. */
export const useRoster = defineStore('roster', () => {
  const month = ref(toSiteDate(Date.now()).slice(0, 7))
  const data = shallowRef<MonthDto | null>(null)
  const swaps = shallowRef<SwapDto[]>([])
  async function load(m = month.value) {
    month.value = m
    ;[data.value, swaps.value] = await Promise.all([api.roster.month({ month: m }), api.roster.swaps({ month: m })])
  }
  const set = (m: MonthDto) => (data.value = m)
  return { month, data, swaps, load, set }
})
