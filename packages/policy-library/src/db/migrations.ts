/**
 * The library's schema, as ordered migrations. They are applied on start by `migrate()` in one
 * transaction under an advisory lock, so two processes starting together apply them once. Plain SQL
 * kept in the bundle (no migration files to ship or find at run time); append, never edit.
 */
export type Migration = { id: string; sql: string }

export const migrations: readonly Migration[] = [
  {
    id: '0001_initial',
    sql: `
CREATE TABLE agencies (
  id text PRIMARY KEY,
  name text NOT NULL,
  index_prefix text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id text NOT NULL REFERENCES agencies (id),
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX tokens_agency_id ON tokens (agency_id);

-- One row per document: the current version as the API returns it (document) plus the columns that
-- filters, sorting and search need.
CREATE TABLE documents (
  content_id text PRIMARY KEY,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('published', 'withdrawn')),
  kind text NOT NULL,
  document_type text,
  validity text NOT NULL,
  issuers text[] NOT NULL,
  topics text[] NOT NULL,
  index_number text UNIQUE,
  published_at date NOT NULL,
  title text NOT NULL,
  search_vector tsvector NOT NULL,
  document_length integer NOT NULL,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_search_vector ON documents USING gin (search_vector);
CREATE INDEX documents_published_at ON documents (published_at DESC, content_id);
CREATE INDEX documents_issuers ON documents USING gin (issuers);
CREATE INDEX documents_topics ON documents USING gin (topics);

-- Superseded versions, as the API returned them then (the current version is in documents).
CREATE TABLE document_versions (
  content_id text NOT NULL,
  version integer NOT NULL,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (content_id, version)
);

-- The change log. In-process search indexes of other library processes catch up from it.
CREATE TABLE events (
  sequence bigserial PRIMARY KEY,
  content_id text NOT NULL,
  version integer NOT NULL,
  type text NOT NULL CHECK (type IN ('created', 'updated', 'withdrawn', 'validity_changed')),
  agency_id text NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX events_content_id ON events (content_id, sequence);

-- Stored answers to writes sent with an Idempotency-Key, per token, kept for 24 hours.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
`,
  },
  {
    // Deletion (content published in error) and version redaction: a deleted document keeps a row whose
    // text columns are emptied and whose document is a metadata-only tombstone.
    id: '0002_removal',
    sql: `
ALTER TABLE documents DROP CONSTRAINT documents_status_check;
ALTER TABLE documents ADD CONSTRAINT documents_status_check CHECK (status IN ('published', 'withdrawn', 'deleted'));
ALTER TABLE events DROP CONSTRAINT events_type_check;
ALTER TABLE events ADD CONSTRAINT events_type_check
  CHECK (type IN ('created', 'updated', 'withdrawn', 'validity_changed', 'deleted', 'redacted'));
-- Withdrawn documents are found by their title only (weight A), as withdrawals index them from now on.
UPDATE documents SET search_vector = ts_filter(search_vector, '{a}'),
  document_length = (SELECT coalesce(sum(array_length(positions, 1)), 0) FROM unnest(ts_filter(search_vector, '{a}')))
WHERE status = 'withdrawn';
`,
  },
  {
    // 决策专栏: a decision's dossier is kept inside its document (so versions, withdrawal, deletion and
    // redaction treat it like the rest); only decisions may carry one, and the dossier read finds it by key.
    id: '0003_decision_dossier',
    sql: `
ALTER TABLE documents ADD CONSTRAINT documents_dossier_kind CHECK (kind = 'decision' OR NOT (document ? 'dossier'));
ALTER TABLE document_versions ADD CONSTRAINT document_versions_dossier_kind CHECK (document->>'kind' = 'decision' OR NOT (document ? 'dossier'));
`,
  },
]
