-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 2: competency management (PermenPAN-RB 38/2017, PP 11/2017 art. 203-207).
-- Rules that change by regulation are rows here, with seeded defaults the users can edit.

-- Dictionaries carry their source: the regulation and its date.
CREATE TABLE dictionary (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,           -- 'PermenPAN-RB 38/2017'
  issued_on   TEXT                            -- ISO date of the regulation
);

CREATE TABLE competency (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,        -- 'M.01', 'SK.01', 'T.KES.03'
  name           TEXT NOT NULL CHECK (name <> ''),
  type           INTEGER NOT NULL CHECK (type BETWEEN 0 AND 2),  -- KpCompetencyType
  definition     TEXT NOT NULL DEFAULT '',
  dictionary_id  INTEGER REFERENCES dictionary (id) ON DELETE RESTRICT
);

CREATE TABLE competency_level (
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  description    TEXT NOT NULL DEFAULT '',
  indicators     TEXT NOT NULL DEFAULT '',    -- numbered behaviour indicators, one per line
  PRIMARY KEY (competency_id, level)
);

-- The required level of each managerial/socio-cultural competency by position kind, applied
-- to all positions of a kind at once (DOMAIN.md: JPT Pratama 4, Administrator 3, ...).
CREATE TABLE kind_standard (
  kind           INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 12),
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (kind, competency_id)
);

-- The job competency standard: the required level per competency per position.
CREATE TABLE position_standard (
  position_id    INTEGER NOT NULL REFERENCES position (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (position_id, competency_id)
);

-- JPM: the weight of the technical competencies by position kind (the rest is managerial and
-- socio-cultural), and the categories by lower bound.
CREATE TABLE jpm_weight (
  kind              INTEGER PRIMARY KEY CHECK (kind BETWEEN 0 AND 12),
  technical_percent INTEGER NOT NULL CHECK (technical_percent BETWEEN 0 AND 100)
);

CREATE TABLE jpm_category (
  min_percent  INTEGER PRIMARY KEY CHECK (min_percent BETWEEN 0 AND 100),
  name         TEXT NOT NULL
);

-- Development forms (Perlan LAN 10/2018) and their JP equivalence.
CREATE TABLE development_form (
  code        TEXT PRIMARY KEY,               -- 'KL03', 'NKL01'
  name        TEXT NOT NULL,
  classical   INTEGER NOT NULL CHECK (classical IN (0, 1)),
  jp_rule     TEXT NOT NULL DEFAULT ''        -- how a non-classical form earns JP, in words
);

-- Assessments: an event (a period, a method, its assessors) and its results; a new
-- assessment never overwrites an old one.
CREATE TABLE assessment (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  period     TEXT NOT NULL DEFAULT '',
  held_on    TEXT NOT NULL,                   -- ISO date
  method     TEXT NOT NULL                    -- assessment centre, uji kompetensi, ...
);

CREATE TABLE assessment_result (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  employee_id    INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
  assessor       TEXT NOT NULL,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  note           TEXT NOT NULL DEFAULT '',
  UNIQUE (assessment_id, employee_id, competency_id, assessor)
);
CREATE INDEX assessment_result_employee ON assessment_result (employee_id, competency_id);

-- A consensus level recorded for a disagreement (2+ levels apart), with its reason.
CREATE TABLE assessment_consensus (
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  employee_id    INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reason         TEXT NOT NULL CHECK (reason <> ''),
  PRIMARY KEY (assessment_id, employee_id, competency_id)
);

-- Seeds. The managerial competencies and Perekat Bangsa by name and type; their definitions
-- and level texts are filled only from the regulation's own text (see the dictionary import).
INSERT INTO dictionary (id, name, issued_on) VALUES (1, 'PermenPAN-RB 38/2017', '2017-12-27');
INSERT INTO competency (code, name, type, dictionary_id) VALUES
  ('M.01', 'Integritas', 0, 1),
  ('M.02', 'Kerjasama', 0, 1),
  ('M.03', 'Komunikasi', 0, 1),
  ('M.04', 'Orientasi pada Hasil', 0, 1),
  ('M.05', 'Pelayanan Publik', 0, 1),
  ('M.06', 'Pengembangan Diri dan Orang Lain', 0, 1),
  ('M.07', 'Mengelola Perubahan', 0, 1),
  ('M.08', 'Pengambilan Keputusan', 0, 1),
  ('SK.01', 'Perekat Bangsa', 1, 1);

-- The commonly cited managerial levels by position kind (DOMAIN.md; KpPositionKind numbers):
-- JPT Pratama 4, Administrator 3, Pengawas 2, Pelaksana 1, JF Ahli Utama 4 / Madya 3 / Muda 2 /
-- Pertama 1. The other kinds have no cited default: the agency sets them.
INSERT INTO kind_standard (kind, competency_id, level)
  SELECT k.kind, c.id, k.level
  FROM competency c,
       (SELECT 2 AS kind, 4 AS level UNION ALL SELECT 3, 3 UNION ALL SELECT 4, 2
        UNION ALL SELECT 5, 1 UNION ALL SELECT 6, 4 UNION ALL SELECT 7, 3 UNION ALL SELECT 8, 2
        UNION ALL SELECT 9, 1) AS k
  WHERE c.type IN (0, 1);

INSERT INTO jpm_category (min_percent, name) VALUES
  (80, 'Memenuhi Syarat'),
  (68, 'Masih Memenuhi Syarat'),
  (0, 'Kurang Memenuhi Syarat');

-- No JPM weights are seeded: no regulation gives one figure for every agency. Until an agency
-- sets the weight of a kind, the program computes its JPM unweighted (every level counts alike)
-- and says so.

INSERT INTO development_form (code, name, classical, jp_rule) VALUES
  ('KL01', 'Pelatihan Struktural Kepemimpinan', 1, ''),
  ('KL02', 'Pelatihan Manajerial', 1, ''),
  ('KL03', 'Pelatihan Teknis', 1, ''),
  ('KL04', 'Pelatihan Fungsional', 1, ''),
  ('KL05', 'Pelatihan Sosial Kultural', 1, ''),
  ('KL06', 'Seminar', 1, ''),
  ('KL07', 'Workshop', 1, ''),
  ('KL08', 'Kursus', 1, ''),
  ('KL09', 'Penataran', 1, ''),
  ('KL10', 'Bimbingan Teknis', 1, ''),
  ('KL11', 'Sosialisasi', 1, ''),
  ('KL12', 'Jalur pelatihan klasikal lainnya', 1, ''),
  ('NKL01', 'Coaching', 0, '2 JP per sesi'),
  ('NKL02', 'Mentoring', 0, ''),
  ('NKL03', 'E-learning', 0, ''),
  ('NKL04', 'Pelatihan Jarak Jauh', 0, ''),
  ('NKL05', 'Detasering (secondment)', 0, '20 JP'),
  ('NKL06', 'Pembelajaran alam terbuka (outbound)', 0, ''),
  ('NKL07', 'Patok banding (benchmarking)', 0, ''),
  ('NKL08', 'Pertukaran antara PNS dengan pegawai swasta', 0, ''),
  ('NKL09', 'Belajar mandiri (self development)', 0, 'paling banyak 2 JP per hari'),
  ('NKL10', 'Komunitas belajar (community of practices)', 0, ''),
  ('NKL11', 'Bimbingan di tempat kerja', 0, ''),
  ('NKL12', 'Magang/praktik kerja', 0, ''),
  ('NKL13', 'Jalur pelatihan nonklasikal lainnya', 0, '');
