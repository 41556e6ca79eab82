// Independent generators for test data: written from the standards' text, not by calling the code
// under test, so a wrong checksum in the library makes the tests fail.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']

/** A valid 18-character 居民身份证号 for the given area, birth date (YYYYMMDD) and 3-digit sequence. */
export function makeResidentId(area: string, birthDate: string, sequence: string): string {
  const body = `${area}${birthDate}${sequence}`
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index]!, 0)
  return body + ID_CHECK[sum % 11]!
}

/** The same number with a deliberately wrong check character. */
export function withWrongCheck(value: string, alphabet = '0123456789X'): string {
  const last = value.at(-1)!
  const wrong = [...alphabet].find((character) => character !== last)!
  return value.slice(0, -1) + wrong
}

/** Appends a Luhn check digit to `body`. */
export function makeLuhn(body: string): string {
  let sum = 0
  // The check digit will sit at offset 0 from the right, so body digits start at offset 1 (doubled).
  for (let offset = 0; offset < body.length; offset++) {
    let digit = Number(body[body.length - 1 - offset])
    if (offset % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return body + String((10 - (sum % 10)) % 10)
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A valid 统一社会信用代码 from its first 17 characters (GB 32100: weights 3^(i-1) mod 31). */
export function makeCreditCode(first17: string): string {
  let sum = 0
  let weight = 1
  for (const character of first17) {
    sum += USCC_ALPHABET.indexOf(character) * weight
    weight = (weight * 3) % 31
  }
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31]!
}

/** A valid 组织机构代码 from its 8-character body (GB 11714: weights 3 7 9 10 5 8 4 2). */
export function makeOrganizationCode(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((total, character, index) => total + parseInt(character, 36) * weights[index]!, 0)
  const check = 11 - (sum % 11)
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check))
}

/** Converts ASCII digits and letters to their full-width forms (１３８, Ｘ). */
export function toFullWidth(value: string): string {
  return value.replace(/[0-9A-Za-z]/gu, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0))
}
