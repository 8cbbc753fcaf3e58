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
];
