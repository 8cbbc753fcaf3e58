import Database from 'better-sqlite3';

/**
 * One in-memory database per server instance, so parallel tests never share state.
 * Cascades mirror what the spec promises (deleting a project removes its mocks and
 * responses; deleting a deployment removes its logs).
 */
const SCHEMA = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  plan TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES users(id),
  personal INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE members (
  org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id)
);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  token_prefix TEXT NOT NULL,
  scopes TEXT NOT NULL,
  expires_at TEXT,
  last_used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  slug TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  templating_seed INTEGER,
  port INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, slug)
);
CREATE TABLE mocks (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  method TEXT NOT NULL,
  description TEXT NOT NULL,
  response_type TEXT NOT NULL,
  response_delay INTEGER NOT NULL,
  response_mode TEXT NOT NULL,
  is_active INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'http',
  bucket TEXT,
  crud_key TEXT NOT NULL DEFAULT 'id',
  response_selection TEXT NOT NULL DEFAULT 'weighted',
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mocks_project ON mocks(project_id, sort_order);
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  mock_id TEXT NOT NULL REFERENCES mocks(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  headers TEXT NOT NULL,
  body TEXT NOT NULL,
  is_default INTEGER NOT NULL,
  weight REAL NOT NULL,
  conditions TEXT NOT NULL,
  disable_templating INTEGER NOT NULL DEFAULT 0,
  condition_logic TEXT NOT NULL DEFAULT 'and',
  scenario_name TEXT NOT NULL DEFAULT '',
  required_scenario_state TEXT NOT NULL DEFAULT '',
  new_scenario_state TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX responses_mock ON responses(mock_id, sort_order);
CREATE TABLE deployments (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL,
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  description TEXT,
  openapi_spec_url TEXT,
  config_json TEXT NOT NULL,
  status TEXT NOT NULL,
  health_status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, slug)
);
CREATE TABLE deployment_logs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE hosted_requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  deployment_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX hosted_requests_dep ON hosted_requests(deployment_id, created_at);
CREATE INDEX hosted_requests_org ON hosted_requests(org_id, created_at);
`;

export interface Db {
  /** The cached prepared statement for this SQL text. */
  stmt(sql: string): Database.Statement;
  /** Runs fn in one transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T;
  close(): void;
}

/**
 * Each SQL text is prepared once and kept, and transactions reuse one wrapper: handlers
 * run the same few dozen statements over and over, and nothing is left for the GC to
 * finalize.
 */
export function openDb(): Db {
  const db = new Database(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  const cache = new Map<string, Database.Statement>();
  const transaction = db.transaction((fn: () => unknown) => fn());
  return {
    stmt(sql) {
      let s = cache.get(sql);
      if (!s) {
        s = db.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
    tx: <T>(fn: () => T): T => transaction(fn) as T,
    close() {
      cache.clear();
      db.close();
    },
  };
}
