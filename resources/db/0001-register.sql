-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 1: the employee register and the audit log.
-- Released migrations are never edited: later changes go in a new numbered file.

CREATE TABLE unit (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,            -- folded name: units are unique ignoring case
  parent_id  INTEGER REFERENCES unit (id) ON DELETE RESTRICT
);
CREATE INDEX unit_parent ON unit (parent_id);

CREATE TABLE position (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
  title      TEXT NOT NULL,
  title_key  TEXT NOT NULL,                   -- folded title
  kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 12),
  UNIQUE (unit_id, title_key)
);

CREATE TABLE employee (
  id             INTEGER PRIMARY KEY,
  nip            TEXT NOT NULL UNIQUE CHECK (length (nip) = 18),
  name           TEXT NOT NULL CHECK (name <> ''),
  sex            TEXT NOT NULL CHECK (sex IN ('L', 'P')),
  birth_place    TEXT NOT NULL DEFAULT '',
  birth_date     TEXT NOT NULL,               -- ISO 8601 date
  education      TEXT NOT NULL DEFAULT '',
  grade          TEXT NOT NULL DEFAULT '',    -- 'III/a'; '' when unknown
  position_id    INTEGER REFERENCES position (id) ON DELETE RESTRICT,
  supervisor_id  INTEGER REFERENCES employee (id) ON DELETE SET NULL,
  email          TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX employee_position ON employee (position_id);
CREATE INDEX employee_supervisor ON employee (supervisor_id);

-- The audit log: append-only, each event chained to the one before by
-- hash = SHA-256 (prev_hash || canonical event) (see kp_audit_hash in core).
CREATE TABLE audit_event (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  payload    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);

-- INSERT OR REPLACE on an existing seq would delete it without firing the delete trigger:
-- new events only ever go after the last one.
CREATE TRIGGER audit_event_append_only BEFORE INSERT ON audit_event
WHEN NEW.seq <= (SELECT coalesce (max (seq), 0) FROM audit_event)
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
