import type { accountContract, authContract } from '@shared/auth/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { AccountService } from './accounts'
import type { AuthService } from './service'

export const authHandlers = (auth: AuthService): Handlers<typeof authContract> => ({
  'auth/status': () => auth.status(),
  'auth/setup': (input) => auth.setup(input),
  'auth/login': (input) => auth.login(input.username, input.password),
  'auth/logout': (_, { actor }) => auth.logout(actor),
  'auth/lock': (_, { actor }) => auth.lock(actor),
  'auth/unlock': (input, { actor }) => auth.unlock(actor, input.password),
  'auth/changePassword': (input, { actor }) => auth.changePassword(actor, input.oldPassword, input.newPassword),
})

export const accountHandlers = (accounts: AccountService): Handlers<typeof accountContract> => ({
  'account/list': () => accounts.list(),
  'account/create': (input, { actor }) => accounts.create(actor, input),
  'account/update': (input, { actor }) => accounts.update(actor, input),
  'account/resetPassword': (input, { actor }) => accounts.resetPassword(actor, input.id, input.password),
  'account/unlock': (input, { actor }) => accounts.unlock(actor, input.id),
})
