/**
 * The schema, as numbered migrations. Append new migrations; never edit an applied one (its
 * checksum is recorded and a mismatch is logged).
 *
 * Every statement must be idempotent (`IF NOT EXISTS`, …) and runs on its own, outside any
 * explicit transaction: CockroachDB runs schema changes asynchronously and restricts them
 * inside transactions, so a migration that dies half-way is finished by simply running it
 * again. Portable SQL only — see docs/decisions/0005-postgres-storage.md for what is avoided.
 */

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'bot state, calls and transcript activities',
    statements: [
      `CREATE TABLE IF NOT EXISTS bot_state (
         key_hash   BYTEA PRIMARY KEY,            -- SHA-256 of key: fixed size whatever the key
         key        TEXT NOT NULL,
         etag       TEXT NOT NULL,
         value      TEXT NOT NULL,                -- JSON text, byte-exact
         updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE IF NOT EXISTS calls (
         id            TEXT PRIMARY KEY,
         id_key        BYTEA NOT NULL,            -- sort keys: UTF-16BE, ordered byte-wise (encoding.ts)
         learner_id    TEXT NOT NULL,
         learner_name  TEXT NOT NULL,
         learner_aad   TEXT,
         learner_key   BYTEA NOT NULL,            -- of lower-cased learner_name
         scenario      TEXT NOT NULL,
         scenario_key  BYTEA NOT NULL,
         mode          TEXT NOT NULL CHECK (mode IN ('practice', 'assessment')),
         seed          BIGINT NOT NULL,
         started_at    TIMESTAMPTZ NOT NULL,
         ended_at      TIMESTAMPTZ,
         status        TEXT NOT NULL CHECK (status IN ('in-progress', 'ended', 'abandoned')),
         score         DOUBLE PRECISION,
         passed        BOOLEAN,
         scorecard     JSONB,
         moderation    JSONB NOT NULL DEFAULT '[]'::JSONB,
         hints         JSONB NOT NULL DEFAULT '[]'::JSONB,
         disputes      JSONB NOT NULL DEFAULT '[]'::JSONB
       )`,
      `CREATE TABLE IF NOT EXISTS call_activities (
         call_id  TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
         seq      INTEGER NOT NULL,              -- 0, 1, 2 … within the call
         activity TEXT NOT NULL,                 -- contract §4 activity, JSON text
         PRIMARY KEY (call_id, seq)
       )`,
      // The assessor's filters, each with the default sort (newest first) behind it.
      `CREATE INDEX IF NOT EXISTS calls_started_idx ON calls (started_at, id_key)`,
      `CREATE INDEX IF NOT EXISTS calls_learner_idx ON calls (learner_id, started_at)`,
      `CREATE INDEX IF NOT EXISTS calls_scenario_idx ON calls (scenario, started_at)`,
      `CREATE INDEX IF NOT EXISTS calls_status_idx ON calls (status, started_at)`,
      `CREATE INDEX IF NOT EXISTS calls_passed_idx ON calls (passed, started_at)`,
    ],
  },
  {
    version: 2,
    name: 'turn locks: one turn at a time per conversation across instances',
    statements: [
      // bot/turns/postgresTurnLock.ts; a row exists only while a turn runs (or until its lease
      // lapses, if its instance died). See docs/decisions/0009-one-turn-at-a-time.md.
      `CREATE TABLE IF NOT EXISTS turn_locks (
         key_hash   BYTEA PRIMARY KEY,            -- SHA-256 of channel id / conversation id
         holder     TEXT NOT NULL,                -- instance and turn that hold it
         expires_at TIMESTAMPTZ NOT NULL
       )`,
    ],
  },
  {
    version: 3,
    name: 'open dispute count per call: assessors find disputed calls without reading every call',
    statements: [
      // Kept by the store with each dispute and moderation (postgresCallStore.ts); a dispute is
      // open until an assessor moderates its criterion at or after it (domain/calls.ts openDisputes).
      `ALTER TABLE calls ADD COLUMN IF NOT EXISTS open_disputes INTEGER NOT NULL DEFAULT 0`,
      // Calls disputed before this column existed: counted once (re-running counts the same).
      `UPDATE calls SET open_disputes = (
         SELECT count(*) FROM jsonb_array_elements(calls.disputes) AS d (e)
         WHERE NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(calls.moderation) AS m (e)
           WHERE m.e->>'criterion' = d.e->>'criterion' AND (m.e->>'at')::TIMESTAMPTZ >= (d.e->>'at')::TIMESTAMPTZ))
       WHERE jsonb_array_length(disputes) > 0`,
      `CREATE INDEX IF NOT EXISTS calls_open_disputes_idx ON calls (open_disputes, started_at)`,
    ],
  },
];
