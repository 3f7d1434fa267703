/**
 * One hostile scenario as JSON text with a placeholder `@K@` for the key under test: the key is a request
 * parameter, a user-info key, a tokeninfo key, a container-info key, a counter name, a key of the response; the
 * bindings compare it in conditions, name it as an option, a condition and a template tag, mangle it as a request
 * parameter (also the match parameter) and as JSON-pointer components, write it as a counter name, tokeninfo key,
 * container-info key and custom attribute, and send it in WebHook data and Token enroll parameters.
 *
 * Parsed with the key replaced by `__proto__` and by a benign name, both must give the same results, renamed.
 */

/** The benign stand-in for a hostile key. */
export const BENIGN = 'zz_benign_key'

/** The event, with `@K@` in every host record. */
export const EVENT_JSON = `{
  "name": "validate_check",
  "position": "post",
  "now": "2026-11-29T10:00:00+01:00",
  "request": {
    "path": "/validate/check",
    "method": "POST",
    "params": { "@K@": "p-value", "user": "alice", "serial": "TOTP0001" },
    "clientIp": "10.0.0.1"
  },
  "response": {
    "result": { "status": true, "value": true },
    "detail": { "message": "matching 1 tokens", "@K@": { "polluted": "detail" } },
    "@K@": { "polluted": "top" }
  },
  "user": {
    "login": "alice", "realm": "realm1", "resolver": "resolver1",
    "info": { "@K@": "u-value", "givenname": "Alice", "email": "alice@example.com" },
    "tokenCount": 1
  },
  "serial": "TOTP0001",
  "token": {
    "serial": "TOTP0001", "type": "totp", "realms": ["realm1"], "resolvers": ["resolver1"],
    "owner": { "login": "alice", "realm": "realm1", "resolver": "resolver1", "exists": true },
    "failcount": 0, "maxfail": 10, "otpCounter": 5,
    "info": { "@K@": "t-value", "count_auth": "3" }
  },
  "container": {
    "serial": "CONT0001", "type": "generic", "states": ["active"], "owners": [], "realms": ["realm1"],
    "tokenCount": 1, "info": { "@K@": "c-value" }
  },
  "counters": { "@K@": 7, "logins": 2 }
}`

/** A key no binding names: parse {@link EVENT_JSON} with it to get the event where the key under test is absent. */
export const OTHER = 'zz_other_key'

const logging = (id: number, conditions: string, options = '{}') =>
  `{ "id": ${id}, "name": "log ${id}", "events": ["validate_check"], "handlerModule": "Logging", "action": "logging",
     "position": "post", "ordering": ${id}, "active": true, "options": ${options}, "conditions": ${conditions} }`

const binding = (id: number, module: string, action: string, options: string) =>
  `{ "id": ${id}, "name": "${module} ${id}", "events": ["validate_check"], "handlerModule": "${module}",
     "action": "${action}", "position": "post", "ordering": ${id}, "active": true, "options": ${options},
     "conditions": {} }`

/** Bindings whose option and condition names are all ordinary (the key is only in values): decodable. */
export const VALUE_BINDINGS_JSON = `[
  ${logging(1, `{ "tokeninfo": "@K@ == t-value" }`)},
  ${logging(2, `{ "user_info": "@K@ == u-value" }`)},
  ${logging(3, `{ "container_info": "@K@ == c-value" }`)},
  ${logging(4, `{ "counter": "@K@ == 7" }`)},
  ${logging(5, `{ "counter": "@K@ > 100" }`)},
  ${logging(6, `{ "tokeninfo": "@K@ == other" }`)},
  ${logging(7, `{ "tokeninfo": "@K@ 'string_contains' function" }`)},
  ${logging(8, `{ "user_info": "@K@ 'string_contains' object" }`)},
  ${logging(9, `{ "tokeninfo": "@K@ 'matches' .*" }`)},
  ${logging(10, `{ "counter": "@K@ == 0" }`)},
  ${logging(11, `{ "container_info": "@K@ 'string_contains' Object" }`)},
  ${logging(12, `{}`, `{ "message": "@K@ {user}" }`)},
  ${binding(13, 'RequestMangler', 'set', `{ "parameter": "@K@", "value": "{0}", "match_parameter": "@K@", "match_pattern": "p-(.*)" }`)},
  ${binding(14, 'RequestMangler', 'set', `{ "parameter": "copy", "value": "{0}", "match_parameter": "@K@", "match_pattern": "(.*)" }`)},
  ${binding(15, 'RequestMangler', 'delete', `{ "parameter": "@K@" }`)},
  ${binding(16, 'RequestMangler', 'set', `{ "parameter": "@K@", "value": "again" }`)},
  ${binding(17, 'ResponseMangler', 'set', `{ "JSON pointer": "/@K@/polluted", "type": "string", "value": "yes" }`)},
  ${binding(18, 'ResponseMangler', 'set', `{ "JSON pointer": "/detail/@K@/polluted", "type": "bool", "value": "True" }`)},
  ${binding(19, 'ResponseMangler', 'set', `{ "JSON pointer": "/result/@K@/x", "type": "integer", "value": "1" }`)},
  ${binding(20, 'ResponseMangler', 'delete', `{ "JSON pointer": "/detail/@K@" }`)},
  ${binding(21, 'ResponseMangler', 'delete', `{ "JSON pointer": "/@K@/prototype/polluted" }`)},
  ${binding(22, 'Counter', 'increase_counter', `{ "counter_name": "@K@" }`)},
  ${binding(23, 'Token', 'set tokeninfo', `{ "key": "@K@", "value": "{username}" }`)},
  ${binding(24, 'Token', 'increase tokeninfo', `{ "key": "@K@" }`)},
  ${binding(25, 'Container', 'set container info', `{ "key": "@K@", "value": "v" }`)},
  ${binding(26, 'CustomUserAttributes', 'set_custom_user_attributes', `{ "user": "tokenowner", "attrkey": "@K@", "attrvalue": "v" }`)},
  ${binding(27, 'WebHook', 'post_webhook', `{ "URL": "https://hooks.example.com/", "content_type": "json", "replace": "True", "data": "{\\"@K@\\": {\\"polluted\\": \\"{user}\\"}}" }`)},
  ${binding(28, 'Token', 'enroll', `{ "tokentype": "hotp", "additional_params": "{\\"@K@\\": {\\"polluted\\": true}}" }`)},
  ${binding(29, 'Logging', 'logging', `{ "message": "{user} @K@ {serial}" }`)}
]`

/** Bindings that also use the key as an option name, a condition name and a template tag (decoders reject these). */
export const NAME_BINDINGS_JSON = `[
  ${logging(30, `{ "@K@": "x" }`)},
  ${logging(31, `{}`, `{ "@K@": "x", "message": "m" }`)},
  ${logging(32, `{}`, `{ "message": "{@K@}" }`)},
  ${binding(33, 'UserNotification', 'sendmail', `{ "emailconfig": "mail", "To": "email", "To email": "a@b", "subject": "{@K@}" }`)},
  ${binding(34, 'WebHook', 'post_webhook', `{ "URL": "https://hooks.example.com/", "content_type": "json", "data": "{@K@}" }`)},
  ${binding(35, 'Token', 'set tokeninfo', `{ "key": "k", "value": "{@K@}" }`)},
  ${binding(36, 'RequestMangler', 'set', `{ "parameter": "p", "value": "{@K@}", "match_parameter": "user", "match_pattern": "(.*)" }`)}
]`
