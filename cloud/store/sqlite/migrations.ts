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
    version: 2,
    name: 'booking',
    sql: `
      CREATE TABLE booking_visitors (
        id TEXT PRIMARY KEY,
        openid TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        UNIQUE (openid, id_hash)
      );
      CREATE TABLE booking_sessions (
        id TEXT PRIMARY KEY,
        booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0)
      );
      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        openid TEXT NOT NULL,
        session_id TEXT NOT NULL,
        day TEXT NOT NULL,
        session_end TEXT NOT NULL,
        places INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        refusal TEXT,
        checked_in_at TEXT,
        cancelled_at TEXT,
        no_show_at TEXT,
        doc TEXT NOT NULL
      );
      CREATE INDEX bookings_by_owner ON bookings (openid, day);
      CREATE INDEX bookings_due ON bookings (status, session_end);
      CREATE INDEX bookings_by_day ON bookings (day, status);
      -- One row per ID per day: the primary key is the uniqueness rule.
      CREATE TABLE booking_claims (id TEXT PRIMARY KEY, booking_id TEXT NOT NULL);
      CREATE TABLE booking_accounts (openid TEXT PRIMARY KEY, doc TEXT NOT NULL);
    `,
  },
  {
    // Zone lookup (companies, policies, figures).
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
  {
    // Sweeping bookings whose call died half-way: when the record began pending (reset when a
    // refused request is decided afresh), whether it holds its places, and when a sweep settled it.
    version: 5,
    name: 'booking sweep',
    sql: `
      ALTER TABLE bookings ADD COLUMN pending_since TEXT;
      ALTER TABLE bookings ADD COLUMN places_held INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE bookings ADD COLUMN swept_at TEXT;
      UPDATE bookings SET pending_since = created_at;
      CREATE INDEX bookings_stale ON bookings (status, pending_since);
    `,
  },
  {
    // Named staff and operator accounts (sign-in instead of a shared PIN); who checked a ticket in.
    version: 6,
    name: 'staff accounts',
    sql: `
      CREATE TABLE staff_accounts (username TEXT PRIMARY KEY, doc TEXT NOT NULL);
      ALTER TABLE bookings ADD COLUMN checked_in_by TEXT;
    `,
  },
  {
    // Fair use: which ID numbers each account booked for lately (the distinct-ID cap).
    version: 7,
    name: 'fair use',
    sql: `
      CREATE TABLE booking_account_ids (
        openid TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        last_at TEXT NOT NULL,
        PRIMARY KEY (openid, id_hash)
      );
    `,
  },
  {
    // The operator console: notices, the append-only audit log, aggregated counters, once-markers.
    version: 8,
    name: 'operator console',
    sql: `
      CREATE TABLE ops_notices (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE ops_audit (id TEXT PRIMARY KEY, at TEXT NOT NULL, account TEXT NOT NULL, action TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX ops_audit_at ON ops_audit (at);
      -- Append-only: the database itself refuses to change or remove an entry.
      CREATE TRIGGER ops_audit_no_update BEFORE UPDATE ON ops_audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER ops_audit_no_delete BEFORE DELETE ON ops_audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TABLE ops_counters (counter TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (counter, day));
      CREATE INDEX ops_counters_day ON ops_counters (day);
      CREATE TABLE ops_once (key TEXT PRIMARY KEY);
    `,
  },
  {
    // Rate-limit counters shared by every process: one fixed window per key, from its first hit
    // (reset_at, epoch ms); swept once the window ended.
    version: 9,
    name: 'rate counters',
    sql: `
      CREATE TABLE rate_counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL, reset_at INTEGER NOT NULL);
      CREATE INDEX rate_counters_reset ON rate_counters (reset_at);
    `,
  },
  {
    // A booking's commit writes fewer pages: the claim and fair-use tables keep their rows in the
    // primary key's own B-tree (no separate rowid table), and only pending bookings — a record
    // being decided, gone within the call — are in the sweep's index.
    version: 10,
    name: 'leaner booking commit',
    sql: `
      CREATE TABLE booking_claims_v10 (id TEXT PRIMARY KEY, booking_id TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO booking_claims_v10 (id, booking_id) SELECT id, booking_id FROM booking_claims;
      DROP TABLE booking_claims;
      ALTER TABLE booking_claims_v10 RENAME TO booking_claims;
      CREATE TABLE booking_account_ids_v10 (
        openid TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        last_at TEXT NOT NULL,
        PRIMARY KEY (openid, id_hash)
      ) WITHOUT ROWID;
      INSERT INTO booking_account_ids_v10 (openid, id_hash, last_at) SELECT openid, id_hash, last_at FROM booking_account_ids;
      DROP TABLE booking_account_ids;
      ALTER TABLE booking_account_ids_v10 RENAME TO booking_account_ids;
      DROP INDEX bookings_stale;
      CREATE INDEX bookings_stale ON bookings (pending_since) WHERE status = 'pending';
    `,
  },
  {
    // Places held on a session for a named group (console/holds.ts); the places themselves are on
    // booking_sessions like any booking's. One row per hold, listed by day.
    version: 11,
    name: 'session holds',
    sql: `
      CREATE TABLE ops_holds (id TEXT PRIMARY KEY, day TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX ops_holds_day ON ops_holds (day, created_at);
    `,
  },
  {
    // 成果转化: results and platforms (operator lists), needs and 对接 requests (guarded on rev).
    version: 12,
    name: 'technology transfer',
    sql: `
      CREATE TABLE transfer_results (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      CREATE TABLE transfer_platforms (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE transfer_needs (id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at TEXT NOT NULL, rev INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX transfer_needs_created ON transfer_needs (created_at);
      CREATE TABLE transfer_requests (id TEXT PRIMARY KEY, openid TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, rev INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX transfer_requests_owner ON transfer_requests (openid, created_at);
      CREATE INDEX transfer_requests_status ON transfer_requests (status, created_at);
    `,
  },
  {
    // 候补: one row per entry; what changes (status, skips, the offer) has its own columns, so every
    // step is one guarded UPDATE. The line is the active rows of a session in join order.
    version: 13,
    name: 'waitlist',
    sql: `
      CREATE TABLE booking_waitlist (
        id TEXT PRIMARY KEY,
        openid TEXT NOT NULL,
        session_id TEXT NOT NULL,
        status TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        skips INTEGER NOT NULL DEFAULT 0,
        held INTEGER NOT NULL DEFAULT 0,
        offered_at TEXT,
        offer_expires_at TEXT,
        ended_at TEXT,
        end_reason TEXT,
        doc TEXT NOT NULL
      );
      CREATE INDEX waitlist_line ON booking_waitlist (session_id, joined_at, id) WHERE status IN ('waiting', 'offered');
      CREATE INDEX waitlist_owner ON booking_waitlist (openid, joined_at);
      CREATE INDEX waitlist_due ON booking_waitlist (offer_expires_at) WHERE status = 'offered';
    `,
  },
  {
    // 政策提醒: one saved calculator profile per identity (store/port.ts, ZoneStore.saveProfile).
    version: 14,
    name: 'zone profiles',
    sql: `
      CREATE TABLE zone_profiles (openid TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    // Groups and schools: requests (status and head count in columns for the guards) and each
    // session's group quota, a counter apart from the individuals' booking_sessions.
    version: 15,
    name: 'group requests',
    sql: `
      CREATE TABLE group_requests (
        id TEXT PRIMARY KEY,
        openid TEXT NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        people INTEGER NOT NULL,
        checked_in INTEGER NOT NULL DEFAULT 0,
        doc TEXT NOT NULL
      );
      CREATE INDEX group_requests_owner ON group_requests (openid, created_at);
      CREATE INDEX group_requests_day ON group_requests (day, created_at);
      CREATE TABLE group_quota (id TEXT PRIMARY KEY, taken INTEGER NOT NULL CHECK (taken >= 0)) WITHOUT ROWID;
    `,
  },
]
