import type { FieldHook } from 'payload'

/** 三同步: a 规范性文件 needs an interpretation unless the editor says otherwise. */
export function defaultNeedsInterpretation(normativeField: string): FieldHook {
  return ({ value, siblingData }) => {
    if (typeof value === 'boolean') return value
    return Boolean((siblingData as Record<string, unknown>)[normativeField])
  }
}
