/**
 * Converts full-width ASCII look-alikes (全角字符 such as `１３８`, `Ａ`, `／`, `－`) and the ideographic
 * space to their half-width forms. Every character maps to exactly one UTF-16 code unit, so string
 * positions in the result are the same as in the input — the scanner relies on this to report offsets
 * into the text the editor actually typed.
 */
export function toHalfWidth(text: string): string {
  let result = ''
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xff01 && code <= 0xff5e) result += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000) result += ' '
    else result += text[index]
  }
  return result
}

/** Whether the string contains any full-width ASCII look-alike that {@link toHalfWidth} would change. */
export function hasFullWidth(text: string): boolean {
  return /[\uff01-\uff5e\u3000]/u.test(text)
}
