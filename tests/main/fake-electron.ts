import { EventEmitter } from 'node:events'

/**
 * A stand-in for the `electron` module with the parts of its API the main
 * process uses, keeping Electron's rules that a wiring mistake would break:
 * switches, sandbox and privileged schemes only before `ready`; sessions,
 * protocol handlers and windows only after it; one handler per IPC channel and
 * per scheme. Everything the app asks for is recorded for the test to inspect.
 */
export function fakeElectron(opts: { userData: string; primary?: boolean; isPackaged?: boolean }) {
  let isReady = false
  let markReady!: () => void
  const readyPromise = new Promise<void>((ok) => (markReady = ok))
  const mustBeReady = (what: string) => {
    if (!isReady) throw new Error(`${what} can only be used after the app is ready`)
  }
  const mustNotBeReady = (what: string) => {
    if (isReady) throw new Error(`${what} must be called before the app is ready`)
  }

  const record = {
    switches: [] as [string, string | undefined][],
    sandbox: false,
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    windows: [] as FakeWindow[],
    errorBoxes: [] as { title: string; content: string }[],
    quit: 0,
    exitCode: null as number | null,
    singleInstanceRequested: 0,
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    spellChecker: true,
  }

  class FakeWebContents extends EventEmitter {
    openHandler: (() => { action: string }) | null = null
    setWindowOpenHandler(h: () => { action: string }) {
      this.openHandler = h
    }
  }

  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    url: string | null = null
    minimized = false
    focused = 0
    shown = 0
    restored = 0
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super()
      mustBeReady('BrowserWindow')
      record.windows.push(this)
    }
    loadURL(url: string) {
      this.url = url
      return Promise.resolve()
    }
    isMinimized() {
      return this.minimized
    }
    restore() {
      this.minimized = false
      this.restored++
    }
    show() {
      this.shown++
    }
    focus() {
      this.focused++
    }
    static getAllWindows() {
      return record.windows
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: opts.isPackaged ?? true,
    commandLine: {
      appendSwitch: (name: string, value?: string) => {
        mustNotBeReady('app.commandLine.appendSwitch')
        record.switches.push([name, value])
      },
    },
    enableSandbox: () => {
      mustNotBeReady('app.enableSandbox()')
      record.sandbox = true
    },
    requestSingleInstanceLock: () => {
      record.singleInstanceRequested++
      return opts.primary ?? true
    },
    whenReady: () => readyPromise,
    isReady: () => isReady,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected app.getPath('${name}')`)
      return opts.userData
    },
    quit: () => {
      record.quit++
    },
    exit: (code = 0) => {
      record.exitCode = code
    },
  })

  const defaultSession = {
    setPermissionRequestHandler: (h: typeof record.permissionRequest) => (record.permissionRequest = h),
    setPermissionCheckHandler: () => {},
    setSpellCheckerEnabled: (on: boolean) => (record.spellChecker = on),
    webRequest: {
      onBeforeRequest: (h: typeof record.beforeRequest) => (record.beforeRequest = h),
      onHeadersReceived: () => {},
    },
  }

  // Electron's safeStorage: strings encrypted for this OS user (here a reversible stand-in
  // whose output is never the plain text, as with DPAPI or the keyring).
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(`os-protected:${Buffer.from(plain).toString('base64')}`),
    decryptString: (cipher: Buffer) => {
      const text = cipher.toString()
      if (!text.startsWith('os-protected:')) throw new Error('Error while decrypting the ciphertext provided')
      return Buffer.from(text.slice('os-protected:'.length), 'base64').toString()
    },
  }

  const electron = {
    app,
    safeStorage,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push({ title, content }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof record.privilegedSchemes) => {
        mustNotBeReady('protocol.registerSchemesAsPrivileged')
        record.privilegedSchemes.push(...schemes)
      },
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
        mustBeReady('protocol.handle')
        if (record.protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`)
        record.protocolHandlers.set(scheme, handler)
      },
    },
    session: {
      get defaultSession() {
        mustBeReady('session.defaultSession')
        return defaultSession
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        record.ipcHandlers.set(channel, fn)
      },
    },
  }

  return {
    electron,
    record,
    /** Electron finishes starting: `ready` fires and whenReady() resolves. */
    async ready() {
      isReady = true
      app.emit('ready')
      markReady()
      // let the app's whenReady().then(...) run
      await new Promise((ok) => setImmediate(ok))
    },
    /** IPC as it arrives from a frame at `frameUrl`. */
    invoke(channel: string, frameUrl: string, payload?: unknown, background = false) {
      const handler = record.ipcHandlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      return Promise.resolve(handler({ senderFrame: { url: frameUrl } }, payload, background))
    },
  }
}

export type FakeElectron = ReturnType<typeof fakeElectron>
