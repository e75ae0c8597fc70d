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
  // Versions 2 and 3 belong to the booking and zone sections (other branches); 4 is the outbox.
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
