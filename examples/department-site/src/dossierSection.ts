import {
  adoptionStates,
  consultationForms,
  decisionStages,
  decisionSteps,
  implementationRecordKinds,
  labelOf,
  legalityConclusions,
  meetingKinds,
  participantSectors,
  participationKinds,
  selectionMethods,
} from '@gongkai/core'
import type { DecisionDossier } from '@gongkai/sdk'
import sanitizeHtml from 'sanitize-html'
import { html, raw, type SafeHtml } from './html'
import { dateLabel } from './labels'

type Step = DecisionDossier['steps'][number]
type Section = DecisionDossier['sections'][number]
type Participation = DecisionDossier['participation'][number]

const statusLabels: Record<Step['status'], string> = { complete: '已完成', incomplete: '未开展', withheld: '已完成（依法不公开）', not_applicable: '不适用' }

/** The step's status as read; a 不适用 step says why: “不适用（理由）”. */
const statusText = (step: Step): string =>
  step.status === 'not_applicable' && step.notApplicableReason ? `${statusLabels.not_applicable}（${step.notApplicableReason}）` : statusLabels[step.status]

/** 专栏 sections in the order work point 18 lists them: 草案全文, 草案说明, 决策背景 …, 决策结果 last but the 效果评估. */
const sectionOrder: Section['section'][] = ['draftText', 'draftingExplanation', 'background', 'expertReview', 'riskAssessment', 'legalityReview', 'result', 'effectEvaluation']

const adoptionLabel = (state: string) => labelOf(adoptionStates, state)

function stepDate(step: Step): string {
  if (!step.date) return ''
  if (step.step === 'public_participation' && step.endDate) return `${dateLabel(step.date)}至${dateLabel(step.endDate)}`
  return dateLabel(step.date)
}

/** 决策程序: the eight statutory steps as a timeline, each with its date and whether it is done. */
function timeline(dossier: DecisionDossier): SafeHtml {
  return html`<section class="timeline" aria-labelledby="dossier-timeline"><h3 id="dossier-timeline">决策程序</h3><ol>${dossier.steps.map(
    (step) =>
      html`<li data-step="${step.step}" data-status="${step.status}"><span class="step">${labelOf(decisionSteps, step.step)}</span> <time${step.date ? html` datetime="${step.date}"` : ''}>${stepDate(step)}</time> <span class="status">${statusText(step)}</span></li>`,
  )}</ol></section>`
}

function section(entry: Section): SafeHtml {
  const body = entry.html ? raw(sanitizeHtml(entry.html)) : html`${entry.text.split(/\n+/u).map((paragraph) => html`<p>${paragraph}</p>`)}`
  return html`<section class="dossier-section" data-section="${entry.section}"><h3>${entry.title}</h3><div class="body">${body}</div></section>`
}

function consultation(dossier: DecisionDossier): SafeHtml | '' {
  const period = dossier.consultation
  if (!period) return ''
  const dates = period.startDate && period.endDate ? `${dateLabel(period.startDate)}至${dateLabel(period.endDate)}` : period.startDate ? `${dateLabel(period.startDate)}起` : ''
  return html`<p class="consultation">征求意见方式：${labelOf(consultationForms, period.consultationForm)}${dates ? `；征求意见期间：${dates}` : ''}${
    period.shortenedReason ? `；缩短期限的理由：${period.shortenedReason}` : ''
  }${period.noticeContentId ? html`；<a class="notice" href="/documents/${encodeURIComponent(period.noticeContentId)}">${period.noticeTitle ?? '征求意见公告'}</a>` : ''}</p>`
}

function opinionTable(rows: { who?: string; content: string; adoption: string; adoptionReason?: string }[], whoLabel?: string): SafeHtml | '' {
  if (rows.length === 0) return ''
  return html`<table class="opinions"><thead><tr>${whoLabel ? html`<th>${whoLabel}</th>` : ''}<th>意见</th><th>采纳情况</th><th>说明</th></tr></thead><tbody>${rows.map(
    (row) => html`<tr data-adoption="${row.adoption}">${whoLabel ? html`<td>${row.who ?? ''}</td>` : ''}<td>${row.content}</td><td>${adoptionLabel(row.adoption)}</td><td>${row.adoptionReason ?? ''}</td></tr>`,
  )}</tbody></table>`
}

/** 公众意见收集和采纳情况: the generated summary sentence and each comment's adoption. */
function comments(dossier: DecisionDossier): SafeHtml {
  const { adoption, entries } = dossier.comments
  return html`<section class="comments" aria-labelledby="dossier-comments"><h3 id="dossier-comments">公众意见收集和采纳情况</h3>${consultation(dossier)}<p class="adoption-summary">${adoption.summary}</p>${opinionTable(
    entries.map((entry) => ({ content: entry.summary, adoption: entry.adoption, ...(entry.adoptionReason ? { adoptionReason: entry.adoptionReason } : {}) })),
  )}${entries.length < adoption.total ? html`<p class="meta">以上列出 ${entries.length} 条，共 ${adoption.total} 条。</p>` : ''}</section>`
}

/** 公众代表列席情况: each meeting, how the representatives were selected, who they were (as published) and what became of their opinions. */
function participationRecord(record: Participation): SafeHtml {
  const kind = record.meetingKind ? labelOf(meetingKinds, record.meetingKind) : labelOf(participationKinds, record.participationKind)
  const participants = record.participants.map(
    (participant) => html`<li>${participant.displayName}${participant.sector ? html`<span class="sector">（${labelOf(participantSectors, participant.sector)}）</span>` : ''}</li>`,
  )
  return html`<article class="participation" data-participation="${record.participationKind}"><h4>${record.meetingName}</h4>
<p class="meta"><time datetime="${record.meetingDate}">${dateLabel(record.meetingDate)}</time> · ${kind}${record.selectionMethod ? ` · ${labelOf(selectionMethods, record.selectionMethod)}` : ''}</p>
${record.selectionNote ? html`<p class="selection">遴选情况：${record.selectionNote}</p>` : ''}
${participants.length > 0 ? html`<p>公众代表：</p><ul class="participants">${participants}</ul>` : ''}
${record.publicSummary ? html`<p class="public-summary">${record.publicSummary}</p>` : ''}
${opinionTable(
  record.opinions.map((opinion) => ({ who: opinion.speaker, content: opinion.content, adoption: opinion.adoption, ...(opinion.adoptionReason ? { adoptionReason: opinion.adoptionReason } : {}) })),
  '发言人',
)}
<p class="adoption-summary">${record.adoption.summary}</p></article>`
}

function implementation(dossier: DecisionDossier): SafeHtml | '' {
  if (dossier.implementation.length === 0) return ''
  return html`<section class="implementation" aria-labelledby="dossier-implementation"><h3 id="dossier-implementation">执行情况</h3><ul>${dossier.implementation.map(
    (record) => html`<li><time datetime="${record.date}">${dateLabel(record.date)}</time> ${labelOf(implementationRecordKinds, record.recordKind)}：${record.content}</li>`,
  )}</ul></section>`
}

/**
 * 决策专栏 of a 重大行政决策 (Wuqing 2022 work plan, point 18): the timeline of its statutory steps, its documents
 * (草案全文, 草案说明, 决策背景, 决策结果; 专家论证, 风险评估, 效果评估 only where the agency chose 公开 — the library
 * never receives the others), comment statistics and adoption, the public representatives who attended and their
 * opinions, and the implementation records.
 */
export function renderDossierSection(dossier: DecisionDossier): SafeHtml {
  const sections = [...dossier.sections].sort((a, b) => sectionOrder.indexOf(a.section) - sectionOrder.indexOf(b.section))
  const meeting = dossier.decisionMeeting
  return html`<section class="dossier" aria-labelledby="dossier-heading"><h2 id="dossier-heading">决策专栏</h2>
<p class="stage">决策阶段：<strong>${labelOf(decisionStages, dossier.stage)}</strong>${
    dossier.catalogueYear ? `\u3000列入${dossier.catalogueYear}年度重大行政决策事项目录${dossier.catalogueNumber ? `（第 ${dossier.catalogueNumber} 项）` : ''}` : ''
  }</p>
${timeline(dossier)}
${sections.filter((entry) => entry.section !== 'result' && entry.section !== 'effectEvaluation').map(section)}
${comments(dossier)}
<section class="attendance" aria-labelledby="dossier-attendance"><h3 id="dossier-attendance">公众代表列席情况</h3>${
    dossier.participation.length > 0 ? dossier.participation.map(participationRecord) : html`<p>暂无公众参与记录。</p>`
  }</section>
${
  meeting || dossier.legalityConclusion
    ? html`<p class="decision-meeting">${meeting?.meetingName ? `集体讨论决定：${meeting.meetingName}` : ''}${meeting?.meetingDate ? `（${dateLabel(meeting.meetingDate)}）` : ''}${
        dossier.legalityConclusion ? `\u3000合法性审查结论：${labelOf(legalityConclusions, dossier.legalityConclusion)}` : ''
      }</p>`
    : ''
}
${sections.filter((entry) => entry.section === 'result').map(section)}
${implementation(dossier)}
${sections.filter((entry) => entry.section === 'effectEvaluation').map(section)}
</section>`
}
