// Versioned schema: each migration runs once, in order, inside a transaction; `user_version`
// records how far the file has come. Append new migrations; never edit a released one.
export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'content and meta',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE halls (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE exhibits (
        code TEXT PRIMARY KEY,
        hall_id TEXT NOT NULL,
        sort INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX exhibits_by_hall ON exhibits (hall_id, sort);
    `,
  },
  {
    // Zone lookup (companies, policies, figures). Version 3 is this feature's slot; 2 belongs to another.
    version: 3,
    name: 'zone companies, policies and figures',
    sql: `
      CREATE TABLE zone_companies (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      CREATE TABLE zone_policies (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      CREATE TABLE zone_charts (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, doc TEXT NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'outbox',
    sql: `
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX outbox_pending ON outbox (status, created_at);
    `,
  },
]
