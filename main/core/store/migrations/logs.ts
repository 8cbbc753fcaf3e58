import type { Migration } from '../migrate';

/**
 * Request logs and hit counters (logs.db, synchronous=NORMAL). Kept apart from the
 * catalog so request-rate writes never contend with edits; counters survive the
 * retention cap that trims old log rows.
 */
export const logsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE request_logs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  mock_id TEXT,
  response_id TEXT,
  request_path TEXT NOT NULL,
  request_method TEXT NOT NULL,
  request_headers TEXT NOT NULL,
  request_query TEXT NOT NULL,
  request_body TEXT NOT NULL,
  response_status INTEGER NOT NULL,
  response_headers TEXT NOT NULL,
  response_body TEXT NOT NULL,
  response_body_truncated INTEGER NOT NULL DEFAULT 0,
  response_time_ms REAL NOT NULL,
  ip_address TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  error_code TEXT,
  condition_failures TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE INDEX request_logs_by_project ON request_logs(project_id, seq);
CREATE INDEX request_logs_by_mock ON request_logs(mock_id, seq);
CREATE INDEX request_logs_by_project_time ON request_logs(project_id, created_at);
CREATE TABLE mock_counters (
  mock_id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  total_requests INTEGER NOT NULL,
  total_time_ms REAL NOT NULL,
  last_request_at TEXT NOT NULL
);
CREATE INDEX mock_counters_by_project ON mock_counters(project_id);
CREATE TABLE project_counters (
  project_id TEXT PRIMARY KEY,
  total_requests INTEGER NOT NULL,
  last_request_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'plain rowid for request logs',
    // AUTOINCREMENT updates sqlite_sequence on every insert; the rowid alone is already
    // increasing here (old rows are trimmed from the bottom), so rebuild the table without it.
    sql: `
CREATE TABLE request_logs_v2 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  mock_id TEXT,
  response_id TEXT,
  request_path TEXT NOT NULL,
  request_method TEXT NOT NULL,
  request_headers TEXT NOT NULL,
  request_query TEXT NOT NULL,
  request_body TEXT NOT NULL,
  response_status INTEGER NOT NULL,
  response_headers TEXT NOT NULL,
  response_body TEXT NOT NULL,
  response_body_truncated INTEGER NOT NULL DEFAULT 0,
  response_time_ms REAL NOT NULL,
  ip_address TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  error_code TEXT,
  condition_failures TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
INSERT INTO request_logs_v2 SELECT * FROM request_logs;
DROP TABLE request_logs;
ALTER TABLE request_logs_v2 RENAME TO request_logs;
CREATE INDEX request_logs_by_project ON request_logs(project_id, seq);
CREATE INDEX request_logs_by_mock ON request_logs(mock_id, seq);
CREATE INDEX request_logs_by_project_time ON request_logs(project_id, created_at);
`,
  },
  {
    version: 3,
    name: 'body encodings of request logs',
    // Bodies that are not UTF-8 text are logged in base64; these say which. Rows written
    // before were all logged as text.
    sql: `
ALTER TABLE request_logs ADD COLUMN request_body_encoding TEXT NOT NULL DEFAULT 'utf8';
ALTER TABLE request_logs ADD COLUMN response_body_encoding TEXT NOT NULL DEFAULT 'utf8';
`,
  },
  {
    version: 4,
    name: 'proxied requests in request logs',
    // A request the project's proxy sent upstream (docs/proxy.md): where to, the upstream's
    // status (NULL when it did not answer) and its time to answer. NULL URL: not proxied.
    sql: `
ALTER TABLE request_logs ADD COLUMN upstream_url TEXT;
ALTER TABLE request_logs ADD COLUMN upstream_status INTEGER;
ALTER TABLE request_logs ADD COLUMN upstream_time_ms REAL;
`,
  },
  {
    // What chaos did to a request (latency drawn, error injected, fault), as JSON; NULL: nothing.
    version: 5,
    name: 'chaos of request logs',
    sql: `ALTER TABLE request_logs ADD COLUMN chaos TEXT;`,
  },
  {
    // Issue 17 (docs/request-logs.md): responses that matched and lost (JSON; NULL: none);
    // indexes so every filter of the log viewer stays fast at millions of rows; a trigram
    // full-text index on the path, so "path contains" is an index lookup, not a scan.
    version: 6,
    name: 'also-matched, filter indexes and path search',
    sql: `
ALTER TABLE request_logs ADD COLUMN also_matched TEXT;
CREATE INDEX request_logs_by_project_method ON request_logs(project_id, request_method, seq);
ALTER TABLE request_logs ADD COLUMN status_class INTEGER GENERATED ALWAYS AS (response_status / 100) VIRTUAL;
CREATE INDEX request_logs_by_project_status ON request_logs(project_id, status_class, seq);
CREATE INDEX request_logs_by_project_mock ON request_logs(project_id, mock_id, seq);
CREATE VIRTUAL TABLE request_logs_path USING fts5(request_path, content='request_logs', content_rowid='seq', tokenize='trigram');
INSERT INTO request_logs_path(rowid, request_path) SELECT seq, request_path FROM request_logs;
CREATE TRIGGER request_logs_path_ins AFTER INSERT ON request_logs BEGIN
  INSERT INTO request_logs_path(rowid, request_path) VALUES (new.seq, new.request_path);
END;
CREATE TRIGGER request_logs_path_del AFTER DELETE ON request_logs BEGIN
  INSERT INTO request_logs_path(request_logs_path, rowid, request_path) VALUES ('delete', old.seq, old.request_path);
END;
`,
  },
  {
    // A request served through a federation (/f/<name>/…, docs/federation.md): which
    // federation (id and name as it was then), which service and at what reality level.
    version: 7,
    name: 'federation of request logs',
    sql: `
ALTER TABLE request_logs ADD COLUMN federation_id TEXT;
ALTER TABLE request_logs ADD COLUMN federation_name TEXT;
ALTER TABLE request_logs ADD COLUMN federation_service TEXT;
ALTER TABLE request_logs ADD COLUMN reality_level TEXT;
`,
  },
  {
    // Stats that add up (issue 17, docs/request-logs.md "Stats"): requests no mock matched,
    // and counts per response and per status, summed like the other hit counters, so they
    // count every request whatever the log's retention keeps.
    version: 8,
    name: 'unmatched, response and status counters',
    sql: `
ALTER TABLE project_counters ADD COLUMN unmatched_requests INTEGER NOT NULL DEFAULT 0;
CREATE TABLE response_counters (
  response_id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  mock_id TEXT NOT NULL,
  total_requests INTEGER NOT NULL
);
CREATE INDEX response_counters_by_project ON response_counters(project_id);
CREATE TABLE status_counters (
  project_id TEXT NOT NULL,
  status INTEGER NOT NULL,
  total_requests INTEGER NOT NULL,
  PRIMARY KEY (project_id, status)
) WITHOUT ROWID;
`,
  },
];
