import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AssetDto } from '@shared/assets/contract'
import type { CategoryDto, ServiceChannel, ServiceLogDefaultsDto, ServiceLogDto } from '@shared/serviceLog/contract'
import { api } from '@renderer/common/api'

const LAST_KEY = 'serviceLog.lastUsed'

/** Lookups for the service log forms, the quick-entry dialog, and "something changed, reload". */
export const useServiceLog = defineStore('serviceLog', () => {
  const categories = shallowRef<CategoryDto[]>([])
  const assets = shallowRef<AssetDto[]>([])
  const defaults = shallowRef<ServiceLogDefaultsDto>({ status: 'done' })
  /** bumped after every write so open lists and the dashboard reload */
  const version = ref(0)
  const quickEntryOpen = ref(false)
  /** the entry being edited in the dialog; null for a new one */
  const editing = shallowRef<ServiceLogDto | null>(null)

  const activeCategories = computed(() => categories.value.filter((c) => c.active))
  const assetOptions = computed(() =>
    assets.value.filter((a) => a.status === 'in_service').map((a) => ({ label: a.name, value: a.id })),
  )

  async function loadLookups() {
    ;[categories.value, assets.value, defaults.value] = await Promise.all([
      api.serviceLog.categories(),
      api.asset.list({}),
      api.serviceLog.defaults(),
    ])
  }

  /**
   * The defaults a resident engineer expects: the system and channel used last
   * time, and the category only while still in the same shift (`shift` from
   * currentShiftKey) — the next shift starts without one.
   */
  function lastUsed(shift: string): { assetId: number | null; channel: ServiceChannel; categoryId: number | null } {
    const none = { assetId: null, channel: 'phone' as ServiceChannel, categoryId: null }
    try {
      const last = { ...none, shift: '', ...JSON.parse(localStorage.getItem(LAST_KEY) ?? '{}') } as typeof none & {
        shift: string
      }
      return { assetId: last.assetId, channel: last.channel, categoryId: last.shift === shift ? last.categoryId : null }
    } catch {
      return none
    }
  }
  function remember(v: { assetId: number | null; channel: ServiceChannel; categoryId: number }, shift: string) {
    localStorage.setItem(LAST_KEY, JSON.stringify({ ...v, shift }))
  }

  function openQuickEntry(entry: ServiceLogDto | null = null) {
    editing.value = entry
    quickEntryOpen.value = true
  }
  const changed = () => version.value++

  return {
    categories,
    assets,
    defaults,
    activeCategories,
    assetOptions,
    version,
    quickEntryOpen,
    editing,
    loadLookups,
    lastUsed,
    remember,
    openQuickEntry,
    changed,
  }
})
