-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: transparent recruitment, part 1 (PermenPAN-RB 6/2024): selections and their
-- rules, vacancies (formasi), the locked announcement and its amendments, registrants, the
-- administrative verification with four eyes, and the notifications of every stage.
--
-- A selection's rules are rows the user edits and the program checks. The defaults a new
-- selection starts from are rows too (default_*), seeded from DOMAIN.md and editable: rules
-- that change by regulation or year never live in C.

-- ---- defaults a new selection copies, by selection type ---------------------------------

-- Selection types: 'cpns', 'pppk', 'jpt' (JPT open selection), 'internal', 'non-asn'.
CREATE TABLE default_stage (
  selection_type   TEXT NOT NULL,
  position         INTEGER NOT NULL CHECK (position >= 1),
  name             TEXT NOT NULL CHECK (name <> ''),
  kind             TEXT NOT NULL,                   -- see selection_stage.kind
  method           TEXT NOT NULL DEFAULT '',
  scoring          TEXT NOT NULL DEFAULT 'sum',
  weight_percent   INTEGER NOT NULL DEFAULT 0,
  eliminates       INTEGER NOT NULL DEFAULT 1,
  cutoff_multiple  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (selection_type, position)
);

CREATE TABLE default_component (
  selection_type   TEXT NOT NULL,
  stage_position   INTEGER NOT NULL,
  position         INTEGER NOT NULL,
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  max_score        INTEGER NOT NULL CHECK (max_score > 0),
  weight_percent   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (selection_type, stage_position, code)
);

-- Pass rules: per formasi kind ('*': every kind without a rule of its own), a minimum on a
-- component (its code) or on the stage's total ('TOTAL').
CREATE TABLE default_pass_rule (
  selection_type   TEXT NOT NULL,
  stage_position   INTEGER NOT NULL,
  formasi_kind     TEXT NOT NULL,
  component_code   TEXT NOT NULL,
  min_score        INTEGER NOT NULL CHECK (min_score >= 0),
  PRIMARY KEY (selection_type, stage_position, formasi_kind, component_code)
);

-- The code vocabulary of each kind of stage, with what each code means.
CREATE TABLE default_code (
  stage_kind       TEXT NOT NULL,
  code             TEXT NOT NULL,
  label            TEXT NOT NULL,
  meaning          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (stage_kind, code)
);

CREATE TABLE default_tie_break (
  position         INTEGER PRIMARY KEY,
  criterion        TEXT NOT NULL UNIQUE,            -- a code the ranking understands
  label            TEXT NOT NULL
);

CREATE TABLE default_requirement (
  position         INTEGER PRIMARY KEY,
  text             TEXT NOT NULL CHECK (text <> '')
);

-- ---- selections ---------------------------------------------------------------------------

CREATE TABLE selection (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (name <> ''),
  type             TEXT NOT NULL CHECK (type IN ('cpns', 'pppk', 'jpt', 'internal', 'non-asn')),
  year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  created_at       TEXT NOT NULL,
  appeal_text      TEXT NOT NULL DEFAULT '',        -- how to appeal (sanggah), announced
  -- Four eyes: the share of MS decisions that a second verifier checks too (every TMS is), and
  -- the seed that makes the sample reproducible.
  sample_percent   INTEGER NOT NULL DEFAULT 10 CHECK (sample_percent BETWEEN 0 AND 100),
  sample_seed      INTEGER NOT NULL DEFAULT 0,
  -- 1 once the announcement is published: rules and vacancies then change only inside an
  -- amendment, which has a reason (amendment_reason not NULL while one is open).
  locked           INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  amendment_reason TEXT CHECK (amendment_reason IS NULL OR amendment_reason <> ''),
  CHECK (amendment_reason IS NULL OR locked = 1)
);

CREATE TABLE selection_stage (
  id               INTEGER PRIMARY KEY,
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position >= 1),   -- the order: 1, 2, 3 …
  name             TEXT NOT NULL CHECK (name <> ''),
  kind             TEXT NOT NULL CHECK (kind IN ('administration', 'skd', 'skb', 'interview',
                                                 'assessment', 'paper', 'track-record',
                                                 'competency', 'other')),
  method           TEXT NOT NULL DEFAULT '',        -- CAT, wawancara, makalah …
  -- 'sum': the components' scores add up (SKD: TWK + TIU + TKP out of 550); 'weighted': each
  -- component's share of 100 is its weight_percent.
  scoring          TEXT NOT NULL DEFAULT 'sum' CHECK (scoring IN ('sum', 'weighted')),
  weight_percent   INTEGER NOT NULL DEFAULT 0 CHECK (weight_percent BETWEEN 0 AND 100),
  eliminates       INTEGER NOT NULL DEFAULT 1 CHECK (eliminates IN (0, 1)),
  cutoff_multiple  INTEGER NOT NULL DEFAULT 0 CHECK (cutoff_multiple >= 0),  -- best N × quota
  starts_on        TEXT,                            -- ISO dates of the schedule
  ends_on          TEXT,
  place            TEXT NOT NULL DEFAULT '',
  UNIQUE (selection_id, position)
);

CREATE TABLE stage_component (
  id               INTEGER PRIMARY KEY,
  stage_id         INTEGER NOT NULL REFERENCES selection_stage (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  code             TEXT NOT NULL CHECK (code <> ''),  -- 'TWK'
  name             TEXT NOT NULL CHECK (name <> ''),
  max_score        INTEGER NOT NULL CHECK (max_score > 0),
  weight_percent   INTEGER NOT NULL DEFAULT 0 CHECK (weight_percent BETWEEN 0 AND 100),
  UNIQUE (stage_id, code)
);

CREATE TABLE pass_rule (
  id               INTEGER PRIMARY KEY,
  stage_id         INTEGER NOT NULL REFERENCES selection_stage (id) ON DELETE CASCADE,
  formasi_kind     TEXT NOT NULL CHECK (formasi_kind <> ''),
  component_code   TEXT NOT NULL CHECK (component_code <> ''),
  min_score        INTEGER NOT NULL CHECK (min_score >= 0),
  UNIQUE (stage_id, formasi_kind, component_code)
);

CREATE TABLE selection_code (
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  stage_kind       TEXT NOT NULL,
  code             TEXT NOT NULL CHECK (code <> ''),
  label            TEXT NOT NULL,
  meaning          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (selection_id, stage_kind, code)
);

CREATE TABLE selection_tie_break (
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  criterion        TEXT NOT NULL,
  label            TEXT NOT NULL,
  PRIMARY KEY (selection_id, position)
);

-- The announced requirements: what a TMS decision points to as its reason.
CREATE TABLE selection_requirement (
  id               INTEGER PRIMARY KEY,
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  text             TEXT NOT NULL CHECK (text <> '')
);

-- ---- vacancies ----------------------------------------------------------------------------

CREATE TABLE formasi (
  id               INTEGER PRIMARY KEY,
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  code             TEXT NOT NULL CHECK (code <> ''),        -- 'F0001'
  position_title   TEXT NOT NULL CHECK (position_title <> ''),
  unit             TEXT NOT NULL CHECK (unit <> ''),
  education        TEXT NOT NULL CHECK (education <> ''),  -- 'S1', 'D3', 'SMA/SMK'
  study_programme  TEXT NOT NULL DEFAULT '',
  kind             TEXT NOT NULL CHECK (kind <> ''),       -- 'umum', 'cumlaude', 'disabilitas' …
  quota            INTEGER NOT NULL CHECK (quota > 0),
  UNIQUE (selection_id, code)
);

-- ---- the announcement and its amendments ---------------------------------------------------

-- Version 1 is the announcement; each later one an amendment with its reason. rules_json is
-- the whole announced content (rules and vacancies), the basis of the files and of the diff
-- against the version before. Rows are never changed or deleted.
CREATE TABLE announcement (
  id               INTEGER PRIMARY KEY,
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  version          INTEGER NOT NULL CHECK (version >= 1),
  reason           TEXT NOT NULL DEFAULT '',
  published_at     TEXT NOT NULL,
  published_by     TEXT NOT NULL,
  checkpoint       TEXT NOT NULL,                   -- the audit chain head it was made from
  rules_json       TEXT NOT NULL,
  changes_json     TEXT NOT NULL DEFAULT '[]',      -- what changed against the version before
  UNIQUE (selection_id, version),
  CHECK (version = 1 OR reason <> '')
);

CREATE TRIGGER announcement_no_update BEFORE UPDATE ON announcement
BEGIN
  SELECT RAISE (ABORT, 'announcements are never changed: publish an amendment');
END;

-- The files made from a version (PDF, HTML, social text), with their SHA-256.
CREATE TABLE announcement_file (
  announcement_id  INTEGER NOT NULL REFERENCES announcement (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('pdf', 'html', 'text')),
  sha256           TEXT NOT NULL CHECK (length (sha256) = 64),
  produced_at      TEXT NOT NULL,
  PRIMARY KEY (announcement_id, kind, sha256)
);

-- ---- registrants --------------------------------------------------------------------------

CREATE TABLE applicant (
  id               INTEGER PRIMARY KEY,
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  reg_no           TEXT NOT NULL CHECK (reg_no <> ''),      -- no. peserta: the public pseudonym
  nik              TEXT NOT NULL,                           -- never published; shown masked
  name             TEXT NOT NULL CHECK (name <> ''),
  sex              TEXT NOT NULL CHECK (sex IN ('L', 'P')),
  birth_place      TEXT NOT NULL DEFAULT '',
  birth_date       TEXT NOT NULL,                           -- ISO; never published
  education        TEXT NOT NULL DEFAULT '',
  study_programme  TEXT NOT NULL DEFAULT '',
  grade_x100       INTEGER NOT NULL DEFAULT 0,              -- IPK × 100 (0–400) or school average × 100
  formasi_id       INTEGER NOT NULL REFERENCES formasi (id) ON DELETE RESTRICT,
  email            TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  -- Flags for the verifiers, never silent drops: the education does not match the formasi;
  -- the same NIK registered again in this selection; the import's warnings, one per line.
  education_mismatch INTEGER NOT NULL DEFAULT 0 CHECK (education_mismatch IN (0, 1)),
  duplicate_nik    INTEGER NOT NULL DEFAULT 0 CHECK (duplicate_nik IN (0, 1)),
  warnings         TEXT NOT NULL DEFAULT '',
  UNIQUE (selection_id, reg_no)
);

CREATE INDEX applicant_by_nik ON applicant (selection_id, nik);
CREATE INDEX applicant_by_formasi ON applicant (formasi_id);

-- ---- administrative verification ---------------------------------------------------------

-- Round 1: the first verifier; round 2: the second (every TMS and the sampled MS); round 3:
-- the resolution of a disagreement between the two. The decision that counts is the latest.
CREATE TABLE verification (
  id               INTEGER PRIMARY KEY,
  applicant_id     INTEGER NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  round            INTEGER NOT NULL CHECK (round BETWEEN 1 AND 3),
  verifier         TEXT NOT NULL CHECK (verifier <> ''),
  decision         TEXT NOT NULL CHECK (decision IN ('MS', 'TMS')),
  requirement_id   INTEGER REFERENCES selection_requirement (id) ON DELETE RESTRICT,
  note             TEXT NOT NULL DEFAULT '',
  decided_at       TEXT NOT NULL,
  UNIQUE (applicant_id, round),
  CHECK (decision = 'MS' OR (requirement_id IS NOT NULL AND note <> ''))
);

-- ---- notifications ------------------------------------------------------------------------

CREATE TABLE notification_template (
  selection_id     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  stage_id         INTEGER NOT NULL REFERENCES selection_stage (id) ON DELETE CASCADE,
  channel          TEXT NOT NULL CHECK (channel IN ('email', 'short')),
  subject          TEXT NOT NULL DEFAULT '',
  body             TEXT NOT NULL,
  PRIMARY KEY (stage_id, channel)
);

-- Which messages were produced, and which were marked sent.
CREATE TABLE notification (
  id               INTEGER PRIMARY KEY,
  stage_id         INTEGER NOT NULL REFERENCES selection_stage (id) ON DELETE CASCADE,
  applicant_id     INTEGER NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  channel          TEXT NOT NULL CHECK (channel IN ('email', 'short', 'mail-merge')),
  produced_at      TEXT NOT NULL,
  sent_at          TEXT,
  sent_by          TEXT
);

CREATE INDEX notification_by_stage ON notification (stage_id, applicant_id);

-- ---- seeded defaults (DOMAIN.md: Recruitment) ---------------------------------------------

-- CPNS: administration, SKD (CAT; TWK, TIU, TKP; passing grades 2024; the best 3 × quota go
-- on), SKB; final = 40 % SKD + 60 % SKB.
INSERT INTO default_stage VALUES
  ('cpns', 1, 'Seleksi Administrasi', 'administration', 'Verifikasi dokumen', 'sum', 0, 1, 0),
  ('cpns', 2, 'Seleksi Kompetensi Dasar (SKD)', 'skd', 'CAT', 'sum', 40, 1, 3),
  ('cpns', 3, 'Seleksi Kompetensi Bidang (SKB)', 'skb', 'CAT', 'sum', 60, 0, 0),
  ('pppk', 1, 'Seleksi Administrasi', 'administration', 'Verifikasi dokumen', 'sum', 0, 1, 0),
  ('pppk', 2, 'Seleksi Kompetensi', 'competency', 'CAT', 'sum', 100, 0, 0),
  ('jpt', 1, 'Seleksi Administrasi', 'administration', 'Verifikasi dokumen', 'sum', 0, 1, 0),
  ('jpt', 2, 'Penulisan Makalah', 'paper', 'Makalah', 'sum', 20, 0, 0),
  ('jpt', 3, 'Assessment Centre', 'assessment', 'Assessment centre', 'sum', 25, 0, 0),
  ('jpt', 4, 'Wawancara', 'interview', 'Wawancara panitia seleksi', 'sum', 35, 0, 0),
  ('jpt', 5, 'Penelusuran Rekam Jejak', 'track-record', 'Rekam jejak', 'sum', 20, 0, 0),
  ('internal', 1, 'Seleksi Administrasi', 'administration', 'Verifikasi dokumen', 'sum', 0, 1, 0),
  ('internal', 2, 'Wawancara', 'interview', 'Wawancara', 'sum', 100, 0, 0),
  ('non-asn', 1, 'Seleksi Administrasi', 'administration', 'Verifikasi dokumen', 'sum', 0, 1, 0),
  ('non-asn', 2, 'Wawancara', 'interview', 'Wawancara', 'sum', 100, 0, 0);

INSERT INTO default_component VALUES
  ('cpns', 2, 1, 'TWK', 'Tes Wawasan Kebangsaan', 150, 0),
  ('cpns', 2, 2, 'TIU', 'Tes Intelegensia Umum', 175, 0),
  ('cpns', 2, 3, 'TKP', 'Tes Karakteristik Pribadi', 225, 0),
  ('cpns', 3, 1, 'SKB', 'CAT SKB', 500, 0),
  ('jpt', 2, 1, 'MAKALAH', 'Nilai makalah', 100, 0),
  ('jpt', 3, 1, 'AC', 'Nilai assessment centre', 100, 0),
  ('jpt', 4, 1, 'WAWANCARA', 'Nilai wawancara', 100, 0),
  ('jpt', 5, 1, 'REKAM', 'Nilai rekam jejak', 100, 0),
  ('internal', 2, 1, 'WAWANCARA', 'Nilai wawancara', 100, 0),
  ('non-asn', 2, 1, 'WAWANCARA', 'Nilai wawancara', 100, 0);

-- SKD passing grades 2024: general TWK ≥ 65, TIU ≥ 80, TKP ≥ 166; cum laude total ≥ 311 and
-- TIU ≥ 85; disability total ≥ 286 and TIU ≥ 60.
INSERT INTO default_pass_rule VALUES
  ('cpns', 2, 'umum', 'TWK', 65),
  ('cpns', 2, 'umum', 'TIU', 80),
  ('cpns', 2, 'umum', 'TKP', 166),
  ('cpns', 2, 'cumlaude', 'TOTAL', 311),
  ('cpns', 2, 'cumlaude', 'TIU', 85),
  ('cpns', 2, 'disabilitas', 'TOTAL', 286),
  ('cpns', 2, 'disabilitas', 'TIU', 60);

INSERT INTO default_code VALUES
  ('administration', 'MS', 'Memenuhi Syarat', 'Memenuhi persyaratan administrasi'),
  ('administration', 'TMS', 'Tidak Memenuhi Syarat', 'Tidak memenuhi persyaratan administrasi; alasannya disebutkan'),
  ('skd', 'P/L', 'Lulus', 'Memenuhi nilai ambang batas dan masuk peringkat 3 × kebutuhan formasi'),
  ('skd', 'P', 'Memenuhi nilai ambang batas', 'Memenuhi nilai ambang batas, di luar peringkat 3 × kebutuhan formasi'),
  ('skd', 'TL', 'Tidak Lulus', 'Tidak memenuhi nilai ambang batas'),
  ('skd', 'TH', 'Tidak Hadir', 'Tidak hadir pada pelaksanaan tes'),
  ('skd', 'DIS', 'Diskualifikasi', 'Didiskualifikasi'),
  ('final', 'L', 'Lulus', 'Lulus seleksi'),
  ('final', 'L-1', 'Lulus (optimalisasi)', 'Lulus melalui optimalisasi formasi jabatan dan pendidikan yang sama'),
  ('final', 'L-2', 'Lulus (optimalisasi)', 'Lulus melalui optimalisasi formasi lain'),
  ('final', 'TL', 'Tidak Lulus', 'Tidak lulus seleksi'),
  ('final', 'TH', 'Tidak Hadir', 'Tidak hadir'),
  ('final', 'TMS', 'Tidak Memenuhi Syarat', 'Tidak memenuhi syarat'),
  ('final', 'APS', 'Mengundurkan Diri', 'Mengundurkan diri'),
  ('final', 'DIS', 'Diskualifikasi', 'Didiskualifikasi');

-- The tie-break chain: higher SKD total, then TKP, TIU, TWK, then higher IPK (or school
-- average), then the older applicant.
INSERT INTO default_tie_break VALUES
  (1, 'skd-total', 'Nilai total SKD lebih tinggi'),
  (2, 'tkp', 'Nilai TKP lebih tinggi'),
  (3, 'tiu', 'Nilai TIU lebih tinggi'),
  (4, 'twk', 'Nilai TWK lebih tinggi'),
  (5, 'grade', 'IPK atau nilai rata-rata ijazah lebih tinggi'),
  (6, 'age', 'Usia lebih tua');

-- Administrative reasons every selection starts with; the announcement lists its own.
INSERT INTO default_requirement VALUES
  (1, 'Kualifikasi pendidikan sesuai dengan formasi yang dilamar'),
  (2, 'IPK atau nilai rata-rata ijazah memenuhi syarat'),
  (3, 'Dokumen persyaratan lengkap, jelas dan sah'),
  (4, 'Usia memenuhi batas yang ditetapkan');

-- ---- default notification texts -------------------------------------------------------------

-- The texts a stage's notification starts from until the selection sets its own
-- (notification_template), per kind of stage ('*': every kind without a text of its own) and
-- channel. Placeholders in braces are filled per registrant (kp-notification.h): {nama},
-- {no_peserta}, {seleksi}, {tahap}, {jadwal}, {tempat}, {hasil}, {alasan}, {langkah_berikut},
-- {tahap_berikut}, {jadwal_berikut}, {tempat_berikut}, {cara_sanggah}, {instansi}. The NIK
-- and the birth date are never placeholders.
CREATE TABLE default_notification_template (
  stage_kind       TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('email', 'short')),
  subject          TEXT NOT NULL DEFAULT '',
  body             TEXT NOT NULL CHECK (body <> ''),
  PRIMARY KEY (stage_kind, channel)
);

INSERT INTO default_notification_template VALUES
  ('administration', 'email',
   'Hasil {tahap} - {seleksi} - Nomor Peserta {no_peserta}',
   'Yth. Sdr./Sdri. {nama}
Nomor Peserta: {no_peserta}

Dengan hormat,

Berdasarkan hasil verifikasi dokumen pada tahap {tahap} dalam rangka {seleksi}, bersama ini kami sampaikan bahwa Saudara/Saudari dinyatakan {hasil}.

{alasan}

{langkah_berikut}

Demikian pemberitahuan ini kami sampaikan. Atas perhatian Saudara/Saudari, kami ucapkan terima kasih.

Hormat kami,
Panitia Seleksi
{instansi}

Surat elektronik ini dikirim secara otomatis; mohon tidak membalas surat ini.'),
  ('administration', 'short', '',
   'Yth. {nama} ({no_peserta}): hasil {tahap} ({seleksi}): {hasil}. {alasan} {langkah_berikut}'),
  ('*', 'email',
   'Undangan {tahap} - {seleksi} - Nomor Peserta {no_peserta}',
   'Yth. Sdr./Sdri. {nama}
Nomor Peserta: {no_peserta}

Dengan hormat,

Sehubungan dengan pelaksanaan {seleksi}, bersama ini kami mengundang Saudara/Saudari untuk mengikuti tahap {tahap} yang akan dilaksanakan pada:

Waktu  : {jadwal}
Tempat : {tempat}

Saudara/Saudari diharapkan hadir paling lambat 30 (tiga puluh) menit sebelum pelaksanaan dengan membawa kartu tanda peserta dan Kartu Tanda Penduduk (KTP) asli. Peserta yang tidak hadir sesuai jadwal dianggap mengundurkan diri.

Demikian undangan ini kami sampaikan. Atas perhatian Saudara/Saudari, kami ucapkan terima kasih.

Hormat kami,
Panitia Seleksi
{instansi}

Surat elektronik ini dikirim secara otomatis; mohon tidak membalas surat ini.'),
  ('*', 'short', '',
   'Yth. {nama} ({no_peserta}): Anda diundang mengikuti {tahap} ({seleksi}). Jadwal: {jadwal}. Tempat: {tempat}. Bawa kartu tanda peserta dan KTP asli.');
