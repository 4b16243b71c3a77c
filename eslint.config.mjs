import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NETWORK = ['http', 'https', 'net', 'tls', 'dgram', 'dns', 'http2'].flatMap((m) => [m, `node:${m}`])
const networkBan = NETWORK.map((name) => ({ name, message: 'The app makes no network connection (SPEC §3.12).' }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/no-undef-components': ['error', { ignorePatterns: ['router-view', 'router-link'] }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Type-aware checks for the app's own code: a promise is awaited, voided or handled, never dropped.
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // Layering: shared is pure; the renderer never reaches into main; only the composition
  // root, window/security setup and IPC registration may import electron.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'vue', 'pinia', 'naive-ui', 'better-sqlite3', 'fs', 'path', 'os', 'crypto', ...NETWORK],
          patterns: [
            { group: ['node:*'], message: 'src/shared runs in main, renderer and tests: no platform imports.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '@renderer/*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', ...networkBan],
          patterns: [
            {
              group: ['**/main/**', '**/preload/index*'],
              message: 'The renderer talks to main only through window.api.',
            },
            { group: ['node:*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/index.ts', 'src/main/security/harden.ts', 'src/main/ipc/register.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Services stay testable in plain Node: only index.ts, security/harden.ts and ipc/register.ts import electron.',
            },
            ...networkBan,
          ],
          patterns: [{ group: ['**/renderer/**', '@renderer/*'] }],
        },
      ],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/security/harden.ts', 'src/main/ipc/register.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: networkBan }] },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'No network code in the app.' },
        { name: 'WebSocket', message: 'No network code in the app.' },
        { name: 'XMLHttpRequest', message: 'No network code in the app.' },
        { name: 'EventSource', message: 'No network code in the app.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'electron', property: 'net' },
        { object: 'navigator', property: 'sendBeacon' },
      ],
    },
  },
  prettier,
)
