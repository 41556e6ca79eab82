'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'

export type AgencyRolesCellProps = {
  cellData?: unknown
  agenciesSlug: string
  roleLabels: Record<string, { zh: string; en: string }>
}

type Membership = { agency?: unknown; roles?: string[] | null }

/** Agency names by ID, loaded once per page for all rows together. */
const agencyNames = new Map<string, Promise<Record<string, string>>>()

function loadAgencyNames(url: string): Promise<Record<string, string>> {
  let names = agencyNames.get(url)
  if (!names) {
    names = fetch(url, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ docs: { id: number | string; name: string; shortName?: string | null }[] }>) : { docs: [] }))
      .then(({ docs }) => Object.fromEntries(docs.map((doc) => [String(doc.id), doc.shortName || doc.name])))
      .catch(() => ({}))
    agencyNames.set(url, names)
  }
  return names
}

function agencyIdOf(agency: unknown): string | undefined {
  if (typeof agency === 'number' || typeof agency === 'string') return String(agency)
  if (agency && typeof agency === 'object' && 'id' in agency) return String((agency as { id: unknown }).id)
  return undefined
}

/** The users list's 所属机构与角色 column: “武清区政府办公室 · 撰稿、审核” instead of “1 机构角色”. */
export function AgencyRolesCell(props: AgencyRolesCellProps) {
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { t, language } = useGongkaiTranslation()
  const memberships = (Array.isArray(props.cellData) ? props.cellData : []) as Membership[]
  const [names, setNames] = useState<Record<string, string>>({})

  useEffect(() => {
    let isCurrent = true
    // All agencies in one request, shared by every row of the list.
    void loadAgencyNames(`${serverURL}${api}/${props.agenciesSlug}?depth=0&limit=0&pagination=false&select[name]=true&select[shortName]=true`).then((loaded) => {
      if (isCurrent) setNames(loaded)
    })
    return () => {
      isCurrent = false
    }
  }, [serverURL, api, props.agenciesSlug])

  if (memberships.length === 0) return <span>—</span>
  return (
    <span className="gongkai-agency-roles">
      {memberships
        .map((membership) => {
          const id = agencyIdOf(membership.agency)
          const agency = id === undefined ? '' : (names[id] ?? `#${id}`)
          const roles = (membership.roles ?? [])
            .map((role) => (role === 'editor' || role === 'reviewer' || role === 'publisher' ? t(`wb_audience_${role}`) : (props.roleLabels[role]?.[language] ?? role)))
            .join(t('listSeparator'))
          return `${agency} · ${roles}`
        })
        .join(t('problemSeparator'))}
    </span>
  )
}
