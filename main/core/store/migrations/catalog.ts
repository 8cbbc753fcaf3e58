import type { Migration } from '../migrate';

/** Projects, mocks and responses (catalog.db, synchronous=FULL). Append only. */
export const catalogMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  slug TEXT NOT NULL UNIQUE,
  is_public INTEGER NOT NULL DEFAULT 0,
  port INTEGER UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE mocks (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  method TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  response_type TEXT NOT NULL DEFAULT 'json',
  response_delay_ms INTEGER NOT NULL DEFAULT 0,
  response_mode TEXT NOT NULL DEFAULT 'random',
  is_active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mocks_by_project ON mocks(project_id, sort_order);
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  mock_id TEXT NOT NULL REFERENCES mocks(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',
  body TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0,
  weight REAL NOT NULL DEFAULT 100,
  conditions TEXT NOT NULL DEFAULT '[]',
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX responses_by_mock ON responses(mock_id, sort_order);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    // Cloud sync metadata. A link row ties a local entity to its cloud twin and keeps the
    // fingerprint both had at the last sync; a link whose local entity is gone is the
    // tombstone that propagates a local deletion. No foreign keys on purpose: links must
    // outlive the entities they track.
    version: 2,
    name: 'sync_metadata',
    sql: `
CREATE TABLE sync_links (
  scope TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('project', 'mock', 'response')),
  local_id TEXT NOT NULL,
  remote_id TEXT,
  parent_local_id TEXT,
  root_local_id TEXT NOT NULL,
  base_hash TEXT,
  base_json TEXT,
  pending_hash TEXT,
  synced_at TEXT,
  PRIMARY KEY (scope, kind, local_id)
);
CREATE UNIQUE INDEX sync_links_by_remote ON sync_links(scope, kind, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX sync_links_by_parent ON sync_links(scope, kind, parent_local_id);
CREATE INDEX sync_links_by_root ON sync_links(scope, root_local_id);
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  kind TEXT NOT NULL,
  local_id TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  root_local_id TEXT NOT NULL,
  parent_local_id TEXT,
  label TEXT NOT NULL,
  base_json TEXT,
  mine_json TEXT,
  theirs_json TEXT,
  theirs_children_json TEXT,
  detected_at TEXT NOT NULL,
  UNIQUE (scope, kind, local_id)
);
CREATE TABLE sync_state (
  scope TEXT PRIMARY KEY,
  last_synced_at TEXT,
  last_error TEXT
);
`,
  },
  {
    // Domain events written in the same transaction as the change they describe, for
    // consumers that deliver later (webhooks, pipelines): a committed change always has its
    // row, a rolled-back one never does. `seq` gives the delivery order.
    version: 3,
    name: 'outbox',
    sql: `
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbox_undelivered ON outbox(seq) WHERE delivered_at IS NULL;
`,
  },
  {
    // Per-project switch to keep credentials in request logs (off: logs.db masks them).
    version: 4,
    name: 'project log secrets switch',
    sql: `ALTER TABLE projects ADD COLUMN log_secrets INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // Templating (issue 11): a project's faker seed (NULL: random) and a response's switch to
    // send its body and headers as stored even when they contain "{{".
    version: 5,
    name: 'templating seed and disable switch',
    sql: `
ALTER TABLE projects ADD COLUMN templating_seed INTEGER;
ALTER TABLE responses ADD COLUMN disable_templating INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    // Data buckets (Mockoon's): `content` is the initial value as written; the current value
    // lives in its own table, so a reset (deleting that row) brings the content back, and a
    // request's write never touches the bucket's definition (nor its updated_at). A CRUD mock
    // names its bucket by name (`bucket`), like a template does, so a project file stays portable.
    version: 6,
    name: 'data buckets and crud mocks',
    sql: `
CREATE TABLE data_buckets (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  templated INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (project_id, name)
);
CREATE TABLE data_bucket_values (
  bucket_id TEXT PRIMARY KEY REFERENCES data_buckets(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
ALTER TABLE mocks ADD COLUMN kind TEXT NOT NULL DEFAULT 'http';
ALTER TABLE mocks ADD COLUMN bucket TEXT;
ALTER TABLE mocks ADD COLUMN crud_key TEXT NOT NULL DEFAULT 'id';
`,
  },
  {
    // Rules and scenarios (issue 11): how a response's conditions combine, and the WireMock-style
    // scenario it requires and moves. New conditions (targets, operators, invert, flags) live
    // in the conditions JSON and need no column; new response modes are values of response_mode.
    version: 7,
    name: 'response condition logic and scenarios',
    sql: `
ALTER TABLE responses ADD COLUMN condition_logic TEXT NOT NULL DEFAULT 'and';
ALTER TABLE responses ADD COLUMN scenario_name TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN required_scenario_state TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN new_scenario_state TEXT NOT NULL DEFAULT '';
`,
  },
  {
    // Per-project proxy (docs/proxy.md): where unmatched requests go, and whether they are
    // recorded into mocks. Off for every existing project.
    version: 8,
    name: 'project proxy settings',
    sql: `
ALTER TABLE projects ADD COLUMN upstream_url TEXT;
ALTER TABLE projects ADD COLUMN proxy_mode TEXT NOT NULL DEFAULT 'off';
ALTER TABLE projects ADD COLUMN proxy_connect_timeout_ms INTEGER NOT NULL DEFAULT 5000;
ALTER TABLE projects ADD COLUMN proxy_response_timeout_ms INTEGER NOT NULL DEFAULT 15000;
ALTER TABLE projects ADD COLUMN record_generalize_ids INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    // Chaos settings (shared/models/chaos.ts) of a mock and of a project, as JSON; NULL: off.
    version: 9,
    name: 'chaos settings',
    sql: `
ALTER TABLE mocks ADD COLUMN chaos TEXT;
ALTER TABLE projects ADD COLUMN chaos TEXT;
`,
  },
  {
    // Federations (docs/federation.md): projects composed under /f/<name>/. Services are a
    // JSON list in the row (validated as a whole on every write: names, base paths, cycles);
    // a service naming a deleted project is reported when served, not cascaded away.
    version: 10,
    name: 'federations',
    sql: `
CREATE TABLE federations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  org_id TEXT,
  services TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX federations_by_org ON federations(org_id, created_at);
`,
  },
  {
    // Pipelines (docs/pipelines.md): definitions as MockOps' JSON, executions with their step
    // log, and per-consumer outbox cursors so an event committed before a crash is still
    // processed after the restart (the pipelines consumer advances its cursor in the same
    // transaction that queues the executions the event caused).
    version: 11,
    name: 'pipelines',
    sql: `
CREATE TABLE pipelines (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  workspace_id TEXT,
  org_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pipelines_by_workspace ON pipelines(workspace_id);
CREATE TABLE pipeline_executions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  pipeline_id TEXT NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
  trigger_event TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  completed_at TEXT,
  duration_ms INTEGER,
  error_message TEXT,
  execution_log TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX pipeline_executions_by_pipeline ON pipeline_executions(pipeline_id, seq);
CREATE INDEX pipeline_executions_by_status ON pipeline_executions(status, seq);
CREATE TABLE outbox_cursors (
  consumer TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
`,
  },
  {
    // AI generation with the user's own key (docs/ai.md): tokens the provider counted, per
    // calendar month (UTC), so the monthly limit holds across restarts. The settings live in
    // the settings table and the key in the OS keychain: nothing secret here.
    version: 12,
    name: 'ai token usage per month',
    sql: `
CREATE TABLE ai_token_usage (
  month TEXT PRIMARY KEY,
  prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  requests INTEGER NOT NULL DEFAULT 0
);
`,
  },
  {
    // Marketplace installs (main/core/marketplace): what was installed from which cloud, at
    // which version, for "update available" badges. One row per kind and name; a scenario
    // installed again points at its newest project. Plugins keep their files in the data dir.
    version: 13,
    name: 'marketplace installs',
    sql: `
CREATE TABLE market_installs (
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  project_id TEXT REFERENCES projects(id) ON DELETE SET NULL,
  source TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  PRIMARY KEY (kind, name)
);
`,
  },
  {
    // Routes and request logs at scale (issue 17, docs/routes.md, docs/request-logs.md): how a
    // mock picks among several matching conditional responses, and how many log rows a
    // project keeps (NULL: the app's default).
    version: 14,
    name: 'response selection and log retention',
    sql: `
ALTER TABLE mocks ADD COLUMN response_selection TEXT NOT NULL DEFAULT 'weighted';
ALTER TABLE projects ADD COLUMN log_retention INTEGER;
`,
  },
  {
    // Which installed plugins a project (scope = its id) or a mock (scope = its id) runs, in order.
    // Not content: project files never carry them, so a file cannot make a machine run code.
    version: 15,
    name: 'plugin bindings',
    sql: `
CREATE TABLE plugin_bindings (
  scope_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  plugin TEXT NOT NULL,
  PRIMARY KEY (scope_id, position)
) WITHOUT ROWID;
`,
  },
  {
    // Two checks run on every mock write; each read the whole table, which made creating
    // 10,000 mocks quadratic: the shadowing check (docs/routes.md) now reads only the mocks
    // whose path starts like the written one's, and the server's count of chaos settings
    // only the mocks that have one.
    version: 17,
    name: 'mocks by path, mocks with chaos',
    sql: `
CREATE INDEX mocks_by_path ON mocks(project_id, path);
CREATE INDEX mocks_with_chaos ON mocks(project_id) WHERE chaos IS NOT NULL;
`,
  },
];
