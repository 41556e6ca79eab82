/**
 * Whether a configured admin token is strong enough to guard agency and token management on a public
 * network. Shannon entropy of the token's own characters times its length is a rough estimate, but it
 * refuses what matters: short words, repeated characters, `secret`, `admin`. 16 random bytes in hex
 * (32 characters) estimate at 90 bits or more, so generated tokens always pass.
 */
export const minAdminTokenLength = 24
export const minAdminTokenBits = 80

export function estimatedBits(token: string): number {
  const counts = new Map<string, number>()
  for (const character of token) counts.set(character, (counts.get(character) ?? 0) + 1)
  const length = [...token].length
  let bitsPerCharacter = 0
  for (const count of counts.values()) {
    const share = count / length
    bitsPerCharacter -= share * Math.log2(share)
  }
  return bitsPerCharacter * length
}

/** Undefined when the token is acceptable, otherwise why not (for the start-up error). */
export function weakAdminTokenReason(token: string): string | undefined {
  if ([...token].length < minAdminTokenLength) return `the admin token must have at least ${minAdminTokenLength} characters`
  if (/\s/.test(token)) return 'the admin token must not contain white space (it travels in an Authorization header)'
  if (estimatedBits(token) < minAdminTokenBits) {
    return `the admin token looks guessable (about ${Math.floor(estimatedBits(token))} bits; at least ${minAdminTokenBits} needed): generate one, e.g. \`openssl rand -hex 32\``
  }
  return undefined
}
