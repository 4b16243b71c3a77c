import type { ExposedApi } from '../shared/ipc/api'

declare global {
  interface Window {
    /** The preload's envelope methods (see src/renderer/common/api.ts for the renderer's typed API). */
    api: ExposedApi
  }
}
export {}
