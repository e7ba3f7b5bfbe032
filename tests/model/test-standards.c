/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-standards.c: the job competency standard: the kinds' defaults, a position's own levels,
 * applying a kind's defaults, and the standards' CSV import and export. */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kompeten/kp-model.h"
#include "kompeten/kp-standards.h"
#include "model-test-util.h"

static const char *const managerial_codes[] = { "M.01", "M.02", "M.03", "M.04", "M.05",
                                                "M.06", "M.07", "M.08", "SK.01" };

typedef struct {
  char *dir;
  KpDatabase *db;
  gint64 health;       /* unit Dinas Kesehatan */
  gint64 head;         /* Kepala Bidang Pelayanan, Administrator */
  gint64 nurse;        /* Perawat Pelaksana, Pelaksana */
} Fixture;

static gint64
add_position (KpDatabase *db, gint64 unit, const char *title, KpPositionKind kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_position (db, unit, title, kind, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_unit (KpDatabase *db, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_unit (db, name, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);
  f->health = add_unit (f->db, "Dinas Kesehatan");
  f->head = add_position (f->db, f->health, "Kepala Bidang Pelayanan",
                          KP_POSITION_KIND_ADMINISTRATOR);
  f->nurse = add_position (f->db, f->health, "Perawat Pelaksana", KP_POSITION_KIND_PELAKSANA);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
competency_id (KpDatabase *db, const char *code)
{
  GListModel *list = kp_database_get_competencies (db);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (list, i);

      if (g_strcmp0 (kp_competency_get_code (competency), code) == 0)
        return kp_competency_get_id (competency);
    }
  g_error ("no competency %s", code);
  return 0;
}

static void
set_ok (KpDatabase *db, gint64 position, const char *code, int level)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_standards_set (db, position, competency_id (db, code), level, &error));
  g_assert_no_error (error);
}

static GPtrArray *
standards_of (KpDatabase *db, gint64 position)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *standards = kp_standards_for_position (db, position, &error);

  g_assert_no_error (error);
  g_assert_nonnull (standards);
  return standards;
}

/* The required level of @code for @position (0 when none), and whether it is the kind's. */
static int
level_of (KpDatabase *db, gint64 position, const char *code, gboolean *from_kind)
{
  g_autoptr(GPtrArray) standards = standards_of (db, position);

  for (guint i = 0; i < standards->len; i++)
    {
      KpStandard *standard = g_ptr_array_index (standards, i);

      if (strcmp (standard->code, code) == 0)
        {
          if (from_kind != NULL)
            *from_kind = standard->from_kind;
          return standard->level;
        }
    }
  return 0;
}

static JsonObject *
parse_payload (JsonParser *parser, const KpAuditEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, event->payload, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* ---- the kinds' defaults ------------------------------------------------------------------- */

/* A new database has the commonly cited managerial levels (DOMAIN.md) as the kinds' defaults. */
static void
test_kind_defaults_seeded (Fixture *f, gconstpointer data)
{
  static const struct { KpPositionKind kind; int level; } cited[] = {
    { KP_POSITION_KIND_JPT_UTAMA, 0 },    { KP_POSITION_KIND_JPT_PRATAMA, 4 },
    { KP_POSITION_KIND_ADMINISTRATOR, 3 }, { KP_POSITION_KIND_PENGAWAS, 2 },
    { KP_POSITION_KIND_PELAKSANA, 1 },     { KP_POSITION_KIND_AHLI_UTAMA, 4 },
    { KP_POSITION_KIND_AHLI_MADYA, 3 },    { KP_POSITION_KIND_AHLI_MUDA, 2 },
    { KP_POSITION_KIND_AHLI_PERTAMA, 1 },  { KP_POSITION_KIND_PENYELIA, 0 },
    { KP_POSITION_KIND_TERAMPIL, 0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cited); k++)
    for (guint c = 0; c < G_N_ELEMENTS (managerial_codes); c++)
      {
        int level = kp_kind_standard_get (f->db, cited[k].kind,
                                          competency_id (f->db, managerial_codes[c]));

        g_assert_cmpint (level, ==, cited[k].level);
      }
}

static void
test_kind_default_set (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 integrity = competency_id (f->db, "M.01");
  guint n_events = n_audit_events (f->db);
  JsonObject *payload;

  g_assert_true (kp_kind_standard_set (f->db, KP_POSITION_KIND_TERAMPIL, integrity, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_kind_standard_get (f->db, KP_POSITION_KIND_TERAMPIL, integrity), ==, 2);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "update");
  g_assert_cmpstr (event->entity, ==, "kind-standard");
  payload = parse_payload (parser, event);
  g_assert_cmpstr (json_object_get_string_member (payload, "kind"), ==, "Fungsional Terampil");
  g_assert_cmpstr (json_object_get_string_member (payload, "competency"), ==, "M.01");
  g_assert_true (json_object_get_null_member (payload, "old"));
  g_assert_cmpint (json_object_get_int_member (payload, "new"), ==, 2);

  /* The same level again: nothing changes, no event. */
  g_assert_true (kp_kind_standard_set (f->db, KP_POSITION_KIND_TERAMPIL, integrity, 2, &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);

  /* 0 removes it. */
  g_assert_true (kp_kind_standard_set (f->db, KP_POSITION_KIND_TERAMPIL, integrity, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_kind_standard_get (f->db, KP_POSITION_KIND_TERAMPIL, integrity), ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 2);

  /* Refused: a level outside 0–5, a kind that does not exist, a competency that does not. */
  g_assert_false (kp_kind_standard_set (f->db, KP_POSITION_KIND_TERAMPIL, integrity, 6, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_kind_standard_set (f->db, KP_POSITION_KIND_COUNT, integrity, 2, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_kind_standard_set (f->db, KP_POSITION_KIND_TERAMPIL, 9999, 2, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 2);
  assert_audit_intact (f->db);
}

/* ---- a position's standard ------------------------------------------------------------------ */

/* An Administrator position with no levels of its own requires level 3 of the nine managerial
 * and socio-cultural competencies, from its kind, by type then code. */
static void
test_for_position_from_kind (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) standards = standards_of (f->db, f->head);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 skilled;

  g_assert_cmpuint (standards->len, ==, G_N_ELEMENTS (managerial_codes));
  for (guint i = 0; i < standards->len; i++)
    {
      KpStandard *standard = g_ptr_array_index (standards, i);

      g_assert_cmpstr (standard->code, ==, managerial_codes[i]);
      g_assert_cmpint (standard->competency_id, ==, competency_id (f->db, managerial_codes[i]));
      g_assert_cmpint (standard->level, ==, 3);
      g_assert_true (standard->from_kind);
      g_assert_cmpint (standard->type, ==,
                       i < 8 ? KP_COMPETENCY_MANAGERIAL : KP_COMPETENCY_SOCIOCULTURAL);
    }
  g_assert_cmpstr (((KpStandard *) g_ptr_array_index (standards, 0))->name, ==, "Integritas");
  g_assert_cmpstr (((KpStandard *) g_ptr_array_index (standards, 8))->name, ==, "Perekat Bangsa");

  /* A kind with no default and no own level: no standard. */
  skilled = add_position (f->db, f->health, "Pranata Laboratorium Kesehatan Terampil",
                          KP_POSITION_KIND_TERAMPIL);
  none = standards_of (f->db, skilled);
  g_assert_cmpuint (none->len, ==, 0);

  missing = kp_standards_for_position (f->db, 9999, &error);
  g_assert_null (missing);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
}

static void
test_set_and_remove (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                 "competencies-technical.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *head_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->head);
  gint64 integrity = competency_id (f->db, "M.01");
  gboolean from_kind = FALSE;
  JsonObject *payload;
  guint n_events;

  /* A technical competency, to see the order by type. */
  g_assert_true (kp_competency_import (f->db, file, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  n_events = n_audit_events (f->db);

  set_ok (f->db, f->head, "M.01", 4);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "update");
  g_assert_cmpstr (event->entity, ==, "standard");
  g_assert_cmpstr (event->entity_id, ==, head_id);
  payload = parse_payload (parser, event);
  g_assert_cmpstr (json_object_get_string_member (payload, "unit"), ==, "Dinas Kesehatan");
  g_assert_cmpstr (json_object_get_string_member (payload, "position"), ==,
                   "Kepala Bidang Pelayanan");
  g_assert_cmpstr (json_object_get_string_member (payload, "competency"), ==, "M.01");
  g_assert_true (json_object_get_null_member (payload, "old"));
  g_assert_cmpint (json_object_get_int_member (payload, "new"), ==, 4);

  g_assert_cmpint (level_of (f->db, f->head, "M.01", &from_kind), ==, 4);
  g_assert_false (from_kind);
  g_assert_cmpint (level_of (f->db, f->head, "M.02", &from_kind), ==, 3);
  g_assert_true (from_kind);

  /* The same level again: no event. */
  set_ok (f->db, f->head, "M.01", 4);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);

  /* A technical level comes after the managerial and socio-cultural ones. */
  set_ok (f->db, f->head, "T.KES.01", 2);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 2);
  standards = standards_of (f->db, f->head);
  g_assert_cmpuint (standards->len, ==, 10);
  g_assert_cmpstr (((KpStandard *) g_ptr_array_index (standards, 8))->code, ==, "SK.01");
  g_assert_cmpstr (((KpStandard *) g_ptr_array_index (standards, 9))->code, ==, "T.KES.01");
  g_assert_cmpint (((KpStandard *) g_ptr_array_index (standards, 9))->type, ==,
                   KP_COMPETENCY_TECHNICAL);
  g_assert_false (((KpStandard *) g_ptr_array_index (standards, 9))->from_kind);

  /* 0 removes the own level: the kind's default applies again. */
  set_ok (f->db, f->head, "M.01", 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 3);
  g_clear_pointer (&event, kp_audit_event_free);
  event = last_event (f->db);
  payload = parse_payload (parser, event);
  g_assert_cmpint (json_object_get_int_member (payload, "old"), ==, 4);
  g_assert_true (json_object_get_null_member (payload, "new"));
  g_assert_cmpint (level_of (f->db, f->head, "M.01", &from_kind), ==, 3);
  g_assert_true (from_kind);
  set_ok (f->db, f->head, "M.01", 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 3);

  /* Refused, with no event: a level outside 0–5, a missing position or competency. */
  g_assert_false (kp_standards_set (f->db, f->head, integrity, 6, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_standards_set (f->db, f->head, integrity, -1, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_standards_set (f->db, 9999, integrity, 2, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kp_standards_set (f->db, f->head, 9999, 2, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 3);
  assert_audit_intact (f->db);
}

/* Applying a kind's defaults writes them as the own levels of every position of the kind, in
 * one event; positions of other kinds keep theirs. */
static void
test_apply_kind (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 secretary = add_position (f->db, f->health, "Sekretaris", KP_POSITION_KIND_ADMINISTRATOR);
  gint64 section = add_position (f->db, f->health, "Kepala Seksi Gizi", KP_POSITION_KIND_PENGAWAS);
  gint64 skilled = add_position (f->db, f->health, "Pranata Laboratorium Kesehatan Terampil",
                                 KP_POSITION_KIND_TERAMPIL);
  const gint64 admins[] = { f->head, secretary };
  gboolean from_kind = TRUE;
  JsonObject *payload;
  guint n_events, n_positions = 0;

  set_ok (f->db, f->head, "M.01", 5);
  set_ok (f->db, section, "M.01", 4);
  g_assert_true (kp_kind_standard_set (f->db, KP_POSITION_KIND_ADMINISTRATOR,
                                       competency_id (f->db, "M.01"), 4, &error));
  g_assert_no_error (error);
  n_events = n_audit_events (f->db);

  g_assert_true (kp_standards_apply_kind (f->db, KP_POSITION_KIND_ADMINISTRATOR, &n_positions,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_positions, ==, 2);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "apply");
  g_assert_cmpstr (event->entity, ==, "standard");
  payload = parse_payload (parser, event);
  g_assert_cmpstr (json_object_get_string_member (payload, "kind"), ==, "Administrator");
  g_assert_cmpint (json_object_get_int_member (payload, "positions"), ==, 2);
  /* The head's M.01 (5 → 4) and eight new levels, the secretary's nine new ones. */
  g_assert_cmpint (json_object_get_int_member (payload, "levels"), ==, 18);

  for (guint p = 0; p < G_N_ELEMENTS (admins); p++)
    {
      g_autoptr(GPtrArray) standards = standards_of (f->db, admins[p]);

      g_assert_cmpuint (standards->len, ==, 9);
      for (guint i = 0; i < standards->len; i++)
        {
          KpStandard *standard = g_ptr_array_index (standards, i);

          g_assert_false (standard->from_kind);
          g_assert_cmpint (standard->level, ==, i == 0 ? 4 : 3);
        }
    }
  /* The Pengawas position keeps its own level and its kind's defaults. */
  g_assert_cmpint (level_of (f->db, section, "M.01", &from_kind), ==, 4);
  g_assert_false (from_kind);
  g_assert_cmpint (level_of (f->db, section, "M.02", &from_kind), ==, 2);
  g_assert_true (from_kind);

  /* Own levels no longer follow the kind's table. */
  g_assert_true (kp_kind_standard_set (f->db, KP_POSITION_KIND_ADMINISTRATOR,
                                       competency_id (f->db, "M.01"), 3, &error));
  g_assert_cmpint (level_of (f->db, secretary, "M.01", &from_kind), ==, 4);
  g_assert_false (from_kind);

  /* Again with the table as it was: only the changed default is written back. */
  n_events = n_audit_events (f->db);
  g_assert_true (kp_standards_apply_kind (f->db, KP_POSITION_KIND_ADMINISTRATOR, &n_positions,
                                          &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  g_clear_pointer (&event, kp_audit_event_free);
  event = last_event (f->db);
  payload = parse_payload (parser, event);
  g_assert_cmpint (json_object_get_int_member (payload, "levels"), ==, 2);
  g_assert_cmpint (level_of (f->db, secretary, "M.01", NULL), ==, 3);

  /* Nothing left to change: no event. A kind with no defaults changes nothing either. */
  g_assert_true (kp_standards_apply_kind (f->db, KP_POSITION_KIND_ADMINISTRATOR, &n_positions,
                                          &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  g_assert_true (kp_standards_apply_kind (f->db, KP_POSITION_KIND_TERAMPIL, &n_positions,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_positions, ==, 1);
  {
    g_autoptr(GPtrArray) none = standards_of (f->db, skilled);

    g_assert_cmpuint (none->len, ==, 0);
  }
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);

  g_assert_false (kp_standards_apply_kind (f->db, -1, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  assert_audit_intact (f->db);
}

/* ---- import ------------------------------------------------------------------------------- */

static void
import_mixed (Fixture *f, gboolean all_or_nothing, KpImportCounts *counts, GPtrArray **problems)
{
  g_autofree char *path = fixture_path ("standards-mixed.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_standards_import (f->db, file, all_or_nothing, counts, problems, &error));
  g_assert_no_error (error);
}

/* Before the mixed file: the head has its own 3 on M.01 and M.02. */
static void
set_up_before_import (Fixture *f)
{
  set_ok (f->db, f->head, "M.01", 3);
  set_ok (f->db, f->head, "M.02", 3);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  static const struct { guint64 line; const char *column; const char *value; } refused[] = {
    { 7, "Unit Kerja", "Dinas Pariwisata" },          /* unknown unit */
    { 8, "Jabatan", "Kepala Seksi Gizi" },            /* unknown position in a known unit */
    { 9, "Kode Kompetensi", "M.99" },                 /* unknown code */
    { 10, "Level Standar", "0" },
    { 11, "Level Standar", "6" },
    { 12, "Level Standar", "tiga" },
    { 13, "Kode Kompetensi", "m.03" },                /* line 4 again */
    { 14, "", "" },                                   /* three columns */
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) again_problems = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean from_kind = TRUE;
  KpImportCounts counts;
  JsonObject *payload;
  guint n_events;

  set_up_before_import (f);
  n_events = n_audit_events (f->db);
  import_mixed (f, FALSE, &counts, &problems);
  /* The blank line 6 is not a record. */
  g_assert_cmpuint (counts.read, ==, 12);
  g_assert_cmpuint (counts.created, ==, 2);   /* lines 4, 5 */
  g_assert_cmpuint (counts.updated, ==, 1);   /* line 2: 3 → 4 */
  g_assert_cmpuint (counts.unchanged, ==, 1); /* line 3, matched ignoring case and spaces */
  g_assert_cmpuint (counts.rejected, ==, 8);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (refused));
  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, refused[i].line);
      g_assert_cmpstr (problem->column, ==, refused[i].column);
      g_assert_cmpstr (problem->value, ==, refused[i].value);
      g_assert_false (problem->warning);
    }
  /* The duplicate names the line it repeats. */
  g_assert_nonnull (strstr (((KpImportProblem *) g_ptr_array_index (problems, 6))->reason, "4"));

  g_assert_cmpint (level_of (f->db, f->head, "M.01", NULL), ==, 4);
  g_assert_cmpint (level_of (f->db, f->head, "M.02", NULL), ==, 3);
  g_assert_cmpint (level_of (f->db, f->head, "M.03", &from_kind), ==, 4); /* the first one */
  g_assert_false (from_kind);
  g_assert_cmpint (level_of (f->db, f->head, "M.04", &from_kind), ==, 3);
  g_assert_true (from_kind);
  g_assert_cmpint (level_of (f->db, f->nurse, "SK.01", &from_kind), ==, 2);
  g_assert_false (from_kind);

  /* One event with the file's SHA-256 and the counts. */
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "import");
  g_assert_cmpstr (event->entity, ==, "standard");
  payload = parse_payload (parser, event);
  {
    g_autofree char *path = fixture_path ("standards-mixed.csv");
    g_autofree char *sha = file_sha256 (path);

    g_assert_cmpstr (json_object_get_string_member (payload, "sha256"), ==, sha);
  }
  g_assert_cmpstr (json_object_get_string_member (payload, "file"), ==, "standards-mixed.csv");
  g_assert_cmpint (json_object_get_int_member (payload, "new"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (payload, "updated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (payload, "rejected"), ==, 8);

  /* Again: nothing changes, no event. */
  before = checkpoint (f->db);
  import_mixed (f, FALSE, &counts, &again_problems);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 4);
  g_assert_cmpuint (counts.rejected, ==, 8);
  g_assert_cmpuint (again_problems->len, ==, 8);
  assert_audit_intact (f->db);
}

static void
test_import_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KpImportCounts counts;

  set_up_before_import (f);
  before = checkpoint (f->db);
  import_mixed (f, TRUE, &counts, &problems);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (counts.read, ==, 12);
  g_assert_cmpuint (counts.rejected, ==, 8);
  g_assert_cmpuint (counts.created + counts.updated + counts.unchanged, ==, 0);
  g_assert_cmpuint (problems->len, ==, 8);
  g_assert_cmpint (level_of (f->db, f->head, "M.01", NULL), ==, 3);
  g_assert_cmpint (level_of (f->db, f->nurse, "SK.01", NULL), ==, 1);
  {
    gboolean from_kind = FALSE;

    g_assert_cmpint (level_of (f->db, f->head, "M.03", &from_kind), ==, 3);
    g_assert_true (from_kind);
  }
}

/* Other names of the columns, semicolons, a BOM, CRLF and quotes; a file with no header. */
static void
test_import_aliases (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("standards-aliases.csv");
  g_autofree char *bad_path = fixture_path ("standards-no-header.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KpImportCounts counts;

  g_assert_true (kp_standards_import (f->db, file, FALSE, &counts, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.read, ==, 2);
  g_assert_cmpuint (counts.created, ==, 2);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (level_of (f->db, f->nurse, "M.01", NULL), ==, 2);

  before = checkpoint (f->db);
  g_assert_false (kp_standards_import (f->db, bad, FALSE, &counts, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* ---- export ------------------------------------------------------------------------------- */

static gboolean
collect_row (const char *unit, const char *position, const char *code,
             const char *competency_name, int level, gpointer user_data, GError **error)
{
  g_string_append_printf (user_data, "%s|%s|%s|%s|%d\n", unit, position, code, competency_name,
                          level);
  return TRUE;
}

/* The own levels only (not the kinds' defaults), by unit, position and code; a name with a
 * comma in quotes. Imported into the same database they change nothing. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "standar.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 agency = add_unit (f->db, "Badan Kepegawaian, Pendidikan dan Pelatihan");
  gint64 general = add_position (f->db, agency, "Kepala Sub Bagian Umum",
                                 KP_POSITION_KIND_PENGAWAS);
  KpImportCounts counts;

  set_ok (f->db, f->head, "SK.01", 3);
  set_ok (f->db, f->head, "M.01", 4);
  set_ok (f->db, general, "M.02", 2);

  g_assert_true (kp_standards_export_csv (f->db, path, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==,
                   "unit_kerja,jabatan,kode_kompetensi,level\n"
                   "\"Badan Kepegawaian, Pendidikan dan Pelatihan\",Kepala Sub Bagian Umum,M.02,2\n"
                   "Dinas Kesehatan,Kepala Bidang Pelayanan,M.01,4\n"
                   "Dinas Kesehatan,Kepala Bidang Pelayanan,SK.01,3\n");

  g_assert_true (kp_standards_foreach (f->db, collect_row, rows, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rows->str, ==,
                   "Badan Kepegawaian, Pendidikan dan Pelatihan|Kepala Sub Bagian Umum|M.02|"
                   "Kerjasama|2\n"
                   "Dinas Kesehatan|Kepala Bidang Pelayanan|M.01|Integritas|4\n"
                   "Dinas Kesehatan|Kepala Bidang Pelayanan|SK.01|Perekat Bangsa|3\n");

  before = checkpoint (f->db);
  g_assert_true (kp_standards_import (f->db, file, FALSE, &counts, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.read, ==, 3);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 3);
  g_assert_cmpuint (counts.rejected, ==, 0);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* An export to a folder that does not exist fails with the reason and writes nothing. */
static void
test_export_unwritable (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "standar.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_standards_export_csv (f->db, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/standards/kind-defaults/seeded", test_kind_defaults_seeded);
  ADD ("/standards/kind-defaults/set", test_kind_default_set);
  ADD ("/standards/position/from-kind", test_for_position_from_kind);
  ADD ("/standards/position/set-and-remove", test_set_and_remove);
  ADD ("/standards/apply-kind", test_apply_kind);
  ADD ("/standards/import", test_import);
  ADD ("/standards/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/standards/import/aliases", test_import_aliases);
  ADD ("/standards/export", test_export);
  ADD ("/standards/export/unwritable", test_export_unwritable);
  return g_test_run ();
}
