import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '@gongkai/core'

/** A valid 统一社会信用代码 built from its first 17 characters (the check character comes from core). */
export function creditCode(first17: string): string {
  return `${first17}${creditCodeCheckCharacter(first17)}`
}

/** A valid 9-character 组织机构代码 built from its 8-character body. */
export function organizationCode(body: string): string {
  return `${body}${organizationCodeCheckCharacter(body)}`
}

/** A one-paragraph Lexical editor state. */
export function lexicalText(text: string): Record<string, unknown> {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [
        {
          type: 'paragraph',
          direction: 'ltr',
          format: '',
          indent: 0,
          version: 1,
          textFormat: 0,
          children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
        },
      ],
    },
  }
}

/** Beijing noon of a calendar day, as the admin's day picker stores it. */
export function day(date: string): string {
  return new Date(`${date}T12:00:00+08:00`).toISOString()
}
