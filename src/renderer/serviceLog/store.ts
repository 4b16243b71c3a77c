import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AssetDto } from '../../shared/assets/contract'
import type { CategoryDto, ServiceChannel, ServiceLogDto } from '../../shared/serviceLog/contract'
import { api } from '../common/api'

const LAST_KEY = 'serviceLog.lastUsed'

/** Lookups for the service log forms, the quick-entry dialog, and "something changed, reload". */
export const useServiceLog = defineStore('serviceLog', () => {
  const categories = shallowRef<CategoryDto[]>([])
  const assets = shallowRef<AssetDto[]>([])
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
    ;[categories.value, assets.value] = await Promise.all([api.serviceLog.categories(), api.asset.list({})])
  }

  /** The defaults a resident engineer expects: the system and channel used last time. */
  function lastUsed(): { assetId: number | null; channel: ServiceChannel; categoryId: number | null } {
    try {
      return {
        assetId: null,
        channel: 'phone',
        categoryId: null,
        ...JSON.parse(localStorage.getItem(LAST_KEY) ?? '{}'),
      }
    } catch {
      return { assetId: null, channel: 'phone', categoryId: null }
    }
  }
  function remember(v: { assetId: number | null; channel: ServiceChannel; categoryId: number }) {
    localStorage.setItem(LAST_KEY, JSON.stringify(v))
  }

  function openQuickEntry(entry: ServiceLogDto | null = null) {
    editing.value = entry
    quickEntryOpen.value = true
  }
  const changed = () => version.value++

  return {
    categories,
    assets,
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
