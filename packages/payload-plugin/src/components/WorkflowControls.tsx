'use client'

import { Button, ConfirmationModal, toast, useConfig, useDocumentInfo, useForm, useFormModified, useModal, useTranslation } from '@payloadcms/ui'
import type { KeyboardEvent } from 'react'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { AvailableAction, AvailableActions, WorkflowActionInput } from '../workflow/availableActions.js'
import { isRecord } from '../utilities/isRecord.js'
import { useGongkaiTranslation } from './useGongkaiTranslation.js'

type FieldError = { path?: string; message?: string }
type ErrorBody = { message?: string; errors?: (FieldError & { name?: string; data?: { errors?: FieldError[] } })[] }

/**
 * The server's message of a refusal, said once: the workflow's and the rules' messages name the document, each
 * field by its label and each rule, so they are shown as they are. Only Payload's own generic validation message
 * (“以下字段是无效的：…”, which names fields by key) gives way to the field messages it carries.
 */
function errorMessage(body: ErrorBody | null, fallback: string, genericPrefixes: string[], separator: string): string {
  const first = body?.errors?.[0]
  const fieldMessages = [...new Set((first?.data?.errors ?? []).map((error) => error.message).filter((message): message is string => Boolean(message)))]
  const message = first?.message ?? body?.message
  const isGeneric = !message || genericPrefixes.some((prefix) => prefix !== '' && message.startsWith(prefix))
  if (isGeneric && fieldMessages.length > 0) return fieldMessages.join(separator)
  return message ?? fallback
}

/** The refusal's field errors whose field is in this form (a bundle's other documents are named in the message). */
function formFieldErrors(body: ErrorBody | null, hasField: (path: string) => boolean): { path: string; message: string }[] {
  const errors = (body?.errors ?? []).flatMap((error) => error.data?.errors ?? [])
  const seen = new Set<string>()
  return errors.flatMap((error) => {
    if (!error.path || !error.message || !hasField(error.path) || seen.has(error.path)) return []
    seen.add(error.path)
    return [{ path: error.path, message: error.message }]
  })
}

const buttonStyleOf: Partial<Record<AvailableAction['action'], 'primary' | 'secondary' | 'error'>> = {
  submit: 'primary',
  approve: 'primary',
  publish: 'primary',
  return: 'secondary',
  schedule: 'secondary',
  unschedule: 'secondary',
  withdraw: 'error',
  delete: 'error',
  invalidate: 'secondary',
  'force-publish': 'error',
}

type Pending = { kind: 'action'; action: AvailableAction } | { kind: 'review'; inputs: WorkflowActionInput[] }

const inputStyle = {
  width: '100%',
  padding: '8px 10px',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s, 3px)',
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  color: 'var(--theme-text)',
  font: 'inherit',
} as const

/** Keeps Enter inside the dialog from submitting the document form around it. */
function stopEnter(event: KeyboardEvent) {
  if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) event.preventDefault()
}

function InputControl(props: { input: WorkflowActionInput; value: string; onChange: (value: string) => void; idPrefix: string }) {
  const { input, value, onChange } = props
  const { t } = useGongkaiTranslation()
  const id = `${props.idPrefix}-${input.name}`
  const label = (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4, fontWeight: 600 }}>
      {input.label}
      {input.required ? <span style={{ color: 'var(--theme-error-500)' }}> *</span> : null}
    </label>
  )
  let control
  if (input.type === 'textarea') {
    control = <textarea id={id} name={input.name} rows={3} value={value} onChange={(event) => onChange(event.target.value)} style={inputStyle} />
  } else if (input.type === 'select') {
    control = (
      <select id={id} name={input.name} value={value} onChange={(event) => onChange(event.target.value)} onKeyDown={stopEnter} style={inputStyle}>
        <option value="">{t('controls_choose')}</option>
        {(input.options ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )
  } else {
    const type = input.type === 'datetime' ? 'datetime-local' : input.type === 'date' ? 'date' : input.type === 'number' ? 'number' : 'text'
    control = <input id={id} name={input.name} type={type} {...(input.type === 'number' ? { min: 1, step: 1, inputMode: 'numeric' as const } : {})} value={value} onChange={(event) => onChange(event.target.value)} onKeyDown={stopEnter} style={inputStyle} />
  }
  return (
    <div style={{ marginBottom: 12 }}>
      {label}
      {control}
      {input.description ? <div style={{ marginTop: 4, color: 'var(--theme-elevation-500)', fontSize: 13 }}>{input.description}</div> : null}
    </div>
  )
}

/** Body values as the workflow endpoints take them: local date-times become ISO instants. */
function bodyOf(inputs: WorkflowActionInput[], values: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = {}
  for (const input of inputs) {
    const value = (values[input.name] ?? '').trim()
    if (value === '') continue
    body[input.name] = input.type === 'datetime' ? new Date(value).toISOString() : value
  }
  return body
}

/**
 * 审核发布 controls of a policy, interpretation, decision or participation record, in place of Payload's Publish
 * button: the document's 工作流状态, its 保密审查 status, and one button per action the signed-in user may start
 * now (提交审核, 退回修改, 审核通过, 签发发布, 定时发布, 撤回, …), each confirmed in a dialog that asks for what the
 * action needs (a reason, a publication time). Built on `GET /api/<collection>/:id/workflow` and
 * `POST /api/<collection>/:id/workflow/:action`; a refusal shows the workflow's Chinese message, which names the
 * document, the field and the rule. Unsaved changes must be saved as a draft first.
 */
export function WorkflowControls() {
  const {
    id,
    collectionSlug,
    incrementVersionCount,
    setHasPublishedDoc,
    savedDocumentData,
    setUnpublishedVersionCount,
    updateSavedDocumentData,
    versionCount,
  } = useDocumentInfo()
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { reset, dispatchFields, getFields, setSubmitted } = useForm()
  const { t: payloadT } = useTranslation()
  const { t } = useGongkaiTranslation()
  const isModified = useFormModified()
  const { openModal } = useModal()
  const [workflow, setWorkflow] = useState<AvailableActions | null>(null)
  const [lastError, setLastError] = useState<string | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})
  const base = id && collectionSlug ? `${serverURL}${api}/${collectionSlug}/${id}` : undefined
  const modalSlug = `gongkai-workflow-${collectionSlug ?? ''}-${String(id ?? 'new')}`

  // The label of the action that just succeeded: the reload after it confirms the new state.
  const succeeded = useRef<string | null>(null)

  const load = useCallback(async () => {
    if (!base) return
    const response = await fetch(`${base}/workflow`, { credentials: 'include' }).catch(() => null)
    const next = response?.ok ? ((await response.json()) as AvailableActions) : null
    setWorkflow(next)
    const label = succeeded.current
    if (label === null) return
    succeeded.current = null
    if (!next) {
      toast.success(t('controls_succeeded', { action: label }))
      return
    }
    // Payload's status line (已发布 / 已修改) follows what the action did.
    setHasPublishedDoc(next.isPublished)
    setUnpublishedVersionCount(next.isPublished && next.state !== 'published' && next.state !== 'invalidated' ? 1 : 0)
    toast.success(t('controls_succeededState', { action: label, state: next.stateLabel }))
  }, [base, setHasPublishedDoc, setUnpublishedVersionCount, t])

  // Reloaded whenever the document is saved (a saved draft of a published document is a new 草稿 to submit) or
  // a version is added another way (Payload's “恢复为已发布”).
  const savedVersion = String((savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt ?? '')
  useEffect(() => {
    void load()
  }, [load, savedVersion, versionCount])

  const open = useCallback(
    (next: Pending) => {
      setPending(next)
      setLastError(null)
      openModal(modalSlug)
    },
    [modalSlug, openModal],
  )

  /**
   * Shows why the action was refused. When the fault is in the dialog's own inputs, the dialog (and what was
   * typed in it) opens again to be corrected; ConfirmationModal closes itself once onConfirm returns.
   */
  const refuse = useCallback(
    (message: string, isInputError: boolean) => {
      setLastError(message)
      toast.error(message)
      if (isInputError) setTimeout(() => openModal(modalSlug), 0)
    },
    [modalSlug, openModal],
  )

  const run = useCallback(async () => {
    if (!base || !pending) return
    const inputs = pending.kind === 'action' ? pending.action.inputs : pending.inputs
    const url = pending.kind === 'action' ? `${base}/workflow/${pending.action.action}` : `${base}/confidentiality-review`
    const label = pending.kind === 'action' ? pending.action.label : t('controls_recordReview')
    const missing = inputs.filter((input) => input.required && (values[input.name] ?? '').trim() === '')
    if (missing.length > 0) {
      refuse(t('controls_required', { action: label, inputs: missing.map((input) => input.label).join(t('listSeparator')) }), true)
      return
    }
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(bodyOf(inputs, values)),
    }).catch(() => null)
    const body = (await response?.json().catch(() => null)) as ErrorBody | null
    if (!response?.ok) {
      // The fields the refusal names (Payload puts them in `data.errors`, some errors carry a `path`).
      const paths = (body?.errors ?? []).flatMap((error) => [error.path, ...(error.data?.errors ?? []).map((fieldError) => fieldError.path)])
      const isInputError = inputs.some((input) => paths.includes(input.name))
      // Highlight the document's fields the refusal names, with their messages, as Payload does for a failed save.
      const fields = getFields()
      const fieldErrors = isInputError ? [] : formFieldErrors(body, (path) => path in fields)
      if (fieldErrors.length > 0) {
        setSubmitted(true)
        dispatchFields({ type: 'ADD_SERVER_ERRORS', errors: fieldErrors })
      }
      const generic = [payloadT('error:followingFieldsInvalid_one' as never), payloadT('error:followingFieldsInvalid_other' as never)].map((text) => text.replace(/[:：]\s*$/u, ''))
      refuse(errorMessage(body, t('retryLater', { action: label }), generic, t('problemSeparator')), isInputError)
      return
    }
    setLastError(null)
    setValues({})
    // The action saved a new version (state, 索引号, review record): show it in the form without a reload. The new
    // version count reloads the controls (the effect above), which then confirm the new state.
    succeeded.current = label
    const saved = await fetch(`${base}?draft=true&depth=0`, { credentials: 'include' }).catch(() => null)
    if (saved?.ok) {
      const doc: unknown = await saved.json()
      if (isRecord(doc)) {
        await reset(doc)
        updateSavedDocumentData(doc)
      }
    }
    incrementVersionCount()
  }, [base, pending, values, refuse, reset, updateSavedDocumentData, incrementVersionCount, getFields, setSubmitted, dispatchFields, t, payloadT])

  if (!base) {
    return (
      <div className="gongkai-workflow gongkai-workflow--new" style={{ alignSelf: 'center', color: 'var(--theme-elevation-500)' }}>
        {t('controls_saveFirst')}
      </div>
    )
  }
  if (!workflow) return null

  const review = workflow.confidentialityReview
  const inputs = pending?.kind === 'action' ? pending.action.inputs : (pending?.inputs ?? [])
  const heading = t('problem', { label: pending?.kind === 'action' ? pending.action.label : t('controls_recordReview'), message: workflow.title })
  const disabledTitle = isModified ? t('controls_unsaved') : undefined
  return (
    <div
      className="gongkai-workflow"
      data-state={workflow.state}
      role="group"
      aria-label={t('controls_region')}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}
    >
      <span className="gongkai-workflow__state" style={{ padding: '2px 8px', borderRadius: 12, background: 'var(--theme-elevation-100)', whiteSpace: 'nowrap' }}>
        {workflow.stateLabel}
      </span>
      {review ? (
        <span
          className="gongkai-workflow__review"
          data-current={review.isCurrent ? 'true' : 'false'}
          style={{ whiteSpace: 'nowrap', color: review.isCurrent ? 'var(--theme-success-600, inherit)' : 'var(--theme-elevation-500)' }}
        >
          {t(review.isCurrent ? 'controls_review_passed' : review.record ? (review.record.conclusion === 'failed' ? 'controls_review_failed' : 'controls_review_stale') : 'controls_review_none')}
        </span>
      ) : null}
      {review?.canRecord ? (
        <Button buttonStyle="secondary" size="medium" margin={false} disabled={isModified} tooltip={disabledTitle} onClick={() => open({ kind: 'review', inputs: review.inputs })}>
          {t('controls_recordReview')}
        </Button>
      ) : null}
      {workflow.actions.map((action) => (
        <Button
          key={action.action}
          id={`gongkai-workflow-${action.action}`}
          buttonStyle={buttonStyleOf[action.action] ?? 'secondary'}
          size="medium"
          margin={false}
          disabled={isModified}
          tooltip={disabledTitle}
          onClick={() => open({ kind: 'action', action })}
        >
          {action.label}
        </Button>
      ))}
      {isModified ? <span style={{ color: 'var(--theme-elevation-500)', fontSize: 13 }}>{t('controls_saveDraftFirst')}</span> : null}
      {lastError ? (
        <div className="gongkai-workflow__error" role="alert" style={{ flexBasis: '100%', color: 'var(--theme-error-500)', whiteSpace: 'normal' }}>
          {lastError}
        </div>
      ) : null}
      <ConfirmationModal
        modalSlug={modalSlug}
        heading={heading}
        confirmLabel={t('controls_confirm')}
        confirmingLabel={t('controls_confirming')}
        cancelLabel={t('controls_cancel')}
        onConfirm={run}
        body={
          <div className="gongkai-workflow__dialog" style={{ minWidth: 360 }}>
            {lastError ? (
              <p className="gongkai-workflow__dialog-error" role="alert" style={{ color: 'var(--theme-error-500)' }}>
                {lastError}
              </p>
            ) : null}
            {inputs.length === 0 ? <p>{t('controls_confirmAction', { document: workflow.title, action: pending?.kind === 'action' ? pending.action.label : '' })}</p> : null}
            {inputs.map((input) => (
              <InputControl
                key={input.name}
                idPrefix={modalSlug}
                input={input}
                value={values[input.name] ?? ''}
                onChange={(value) => setValues((current) => ({ ...current, [input.name]: value }))}
              />
            ))}
          </div>
        }
      />
    </div>
  )
}

/**
 * In place of Payload's Publish and Unpublish buttons, which would publish without review or take a document
 * offline without a reason or an audit entry: `WorkflowControls` offers 签发发布 and 撤回 instead.
 */
export function WorkflowReplacesPublish() {
  return null
}
