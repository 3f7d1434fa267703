/**
 * The example host's data: users, tokens and event counters, in memory. A real host has a user store and a token
 * database; what matters for tripline is only how they become an `Event` (event.ts).
 */

export interface UserRecord {
  readonly login: string
  readonly realm: string
  readonly resolver: string
  readonly info: Readonly<Record<string, string>>
}

export interface TokenRecord {
  readonly serial: string
  readonly type: string
  /** The owner, by login and realm. */
  readonly owner?: { readonly login: string; readonly realm: string }
  readonly realms: ReadonlyArray<string>
  /** The fake credential: `/validate/check` accepts `pass` equal to it. */
  readonly secret: string
  active: boolean
  failcount: number
  readonly maxfail: number
  otpCounter: number
  readonly description: string
  rolloutState: string
  readonly info: Record<string, string>
}

export interface Store {
  readonly users: ReadonlyArray<UserRecord>
  readonly tokens: Map<string, TokenRecord>
  /** Event counters by name (one node: the sum is the value). */
  readonly counters: Map<string, number>
  /** The resolvers of each realm. */
  readonly realms: ReadonlyMap<string, ReadonlyArray<string>>
  /** The next serial number `/token/init` hands out. */
  nextSerial: number
}

/** A store with two users in realm `office` and one TOTP token for alice. */
export const createStore = (): Store => ({
  users: [
    {
      login: 'alice',
      realm: 'office',
      resolver: 'ldap',
      info: { givenname: 'Alice', surname: 'Archer', email: 'alice@example.com', mobile: '+491701', userid: '1001' },
    },
    {
      login: 'bob',
      realm: 'office',
      resolver: 'ldap',
      info: { givenname: 'Bob', surname: 'Baker', email: 'bob@example.com', mobile: '+491702', userid: '1002' },
    },
  ],
  tokens: new Map([
    [
      'TOTP00000001',
      {
        serial: 'TOTP00000001',
        type: 'totp',
        owner: { login: 'alice', realm: 'office' },
        realms: ['office'],
        secret: '123456',
        active: true,
        failcount: 0,
        maxfail: 10,
        otpCounter: 0,
        description: 'phone',
        rolloutState: 'enrolled',
        info: {},
      },
    ],
  ]),
  counters: new Map(),
  realms: new Map([['office', ['ldap']]]),
  nextSerial: 2,
})

export const findUser = (store: Store, login: string, realm: string): UserRecord | undefined =>
  store.users.find((u) => u.login === login && u.realm === realm.toLowerCase())

export const tokensOf = (store: Store, user: UserRecord): ReadonlyArray<TokenRecord> =>
  [...store.tokens.values()].filter((t) => t.owner?.login === user.login && t.owner.realm === user.realm)
