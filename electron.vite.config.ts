import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

// The package is CommonJS, so electron-vite loads this file as CommonJS: it provides
// import.meta.url (not root), and Node (>= 20.19) loads ESM-only
// plugins such as @vitejs/plugin-vue through require().
const root = dirname(fileURLToPath(import.meta.url))

/** The import aliases of tsconfig.base.json, for every bundle. */
const alias = {
  '@shared': resolve(root, 'src/shared'),
  '@renderer': resolve(root, 'src/renderer'),
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else (zod) into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'src/preload/index.ts') }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    base: './',
    resolve: { alias },
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
    plugins: [vue()],
  },
})
