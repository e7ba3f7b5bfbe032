/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-selection.c: selections and their rules: the defaults a new selection copies, the
 * weights that must add up to 100 %, the lock after the announcement (every kind of rule, table
 * driven), amendments (their diff lists exactly what changed; a cancel puts back exactly the
 * announced bytes), the announcement rows the database itself keeps unchanged, and an audit
 * event for every step. Vacancies come from another part of the model: here a raw SQLite
 * connection plays it. */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kompeten/kp-model.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  char *path;
  KpDatabase *db;
  gint64 selection;
  guint events_before;  /* a new database already records its creation */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = make_tmp_dir ();
  f->path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (f->path);
  f->events_before = n_audit_events (f->db);
  f->selection = kp_selection_create (f->db, "CPNS Lampung Selatan 2026", KP_SELECTION_CPNS,
                                      2026, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->selection, >, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Another program's write (the formasi import): SQL on a raw connection. */
static void
raw_sql (Fixture *f, const char *sql)
{
  sqlite3 *handle = raw_open (f->path);

  raw_exec (handle, "PRAGMA foreign_keys = ON");
  raw_exec (handle, sql);
  sqlite3_close (handle);
}

static void
add_formasi (Fixture *f, const char *code, int quota)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO formasi (selection_id, code, position_title, unit, education, "
                     "kind, quota) VALUES (%" G_GINT64_FORMAT ", '%s', 'Analis Kepegawaian', "
                     "'BKPSDM', 'S1', 'umum', %d)",
                     f->selection, code, quota);

  raw_sql (f, sql);
}

static char *
rules (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *text = kp_selection_rules_json (f->db, f->selection, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static JsonObject *
parse_object (const char *text, JsonParser **parser)
{
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (*parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static gint64
stage_id (Fixture *f, int position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = kp_selection_stages_list (f->db, f->selection, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, >=, (guint) position);
  return ((KpSelectionStage *) g_ptr_array_index (stages, position - 1))->id;
}

static void
assert_last_event (KpDatabase *db, const char *action)
{
  g_autoptr(KpAuditEvent) event = last_event (db);

  g_assert_cmpstr (event->action, ==, action);
  g_assert_cmpstr (event->entity, ==, "selection");
}

static int
publish_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  int version;

  add_formasi (f, "F0001", 2);
  version = kp_selection_publish (f->db, f->selection, &error);
  g_assert_no_error (error);
  return version;
}

/* ---- the defaults ---------------------------------------------------------------------------- */

static void
test_create_defaults (Fixture *f, gconstpointer data)
{
  static const char *const codes[] = { "TWK", "TIU", "TKP" };
  static const int maxima[] = { 150, 175, 225 };
  /* DOMAIN.md: the 2024 passing grades, sorted by kind then component. */
  static const struct { const char *kind, *code; int min; } grades[] = {
    { "cumlaude", "TIU", 85 }, { "cumlaude", "TOTAL", 311 }, { "disabilitas", "TIU", 60 },
    { "disabilitas", "TOTAL", 286 }, { "umum", "TIU", 80 }, { "umum", "TKP", 166 },
    { "umum", "TWK", 65 },
  };
  static const char *const tie_break[] = { "skd-total", "tkp", "tiu", "twk", "grade", "age" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = rules (f);
  JsonObject *root = parse_object (text, &parser);
  JsonArray *stages = json_object_get_array_member (root, "stages");
  JsonObject *skd;
  JsonArray *components, *pass_rules, *array;
  g_autoptr(KpSelection) selection = NULL;
  gboolean found_ms = FALSE, found_pl = FALSE;

  g_assert_cmpuint (json_array_get_length (stages), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stages, 0),
                                                  "kind"), ==, "administration");
  skd = json_array_get_object_element (stages, 1);
  g_assert_cmpstr (json_object_get_string_member (skd, "kind"), ==, "skd");
  g_assert_cmpint (json_object_get_int_member (skd, "weight_percent"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (skd, "cutoff_multiple"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (stages, 2),
                                               "weight_percent"), ==, 60);
  components = json_object_get_array_member (skd, "components");
  g_assert_cmpuint (json_array_get_length (components), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *c = json_array_get_object_element (components, i);

      g_assert_cmpstr (json_object_get_string_member (c, "code"), ==, codes[i]);
      g_assert_cmpint (json_object_get_int_member (c, "max_score"), ==, maxima[i]);
    }
  pass_rules = json_object_get_array_member (skd, "pass_rules");
  g_assert_cmpuint (json_array_get_length (pass_rules), ==, G_N_ELEMENTS (grades));
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      JsonObject *r = json_array_get_object_element (pass_rules, i);

      g_assert_cmpstr (json_object_get_string_member (r, "formasi_kind"), ==, grades[i].kind);
      g_assert_cmpstr (json_object_get_string_member (r, "component_code"), ==, grades[i].code);
      g_assert_cmpint (json_object_get_int_member (r, "min_score"), ==, grades[i].min);
    }
  array = json_object_get_array_member (root, "codes");
  g_assert_cmpuint (json_array_get_length (array), ==, 15);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *c = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member (c, "stage_kind");
      const char *code = json_object_get_string_member (c, "code");

      found_ms |= strcmp (kind, "administration") == 0 && strcmp (code, "MS") == 0;
      found_pl |= strcmp (kind, "skd") == 0 && strcmp (code, "P/L") == 0;
    }
  g_assert_true (found_ms && found_pl);
  array = json_object_get_array_member (root, "tie_break");
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (tie_break));
  for (guint i = 0; i < G_N_ELEMENTS (tie_break); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "criterion"), ==, tie_break[i]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "requirements")),
                    ==, 4);
  /* The same requirements as a list with their ids, in order: what a TMS decision names. */
  {
    g_autoptr(GPtrArray) requirements = kp_selection_requirements_list (f->db, f->selection,
                                                                        &error);
    JsonArray *announced = json_object_get_array_member (root, "requirements");

    g_assert_no_error (error);
    g_assert_cmpuint (requirements->len, ==, json_array_get_length (announced));
    for (guint i = 0; i < requirements->len; i++)
      {
        const KpSelectionRequirement *r = g_ptr_array_index (requirements, i);

        g_assert_cmpint (r->position, ==, (int) i + 1);
        g_assert_cmpint (r->id, >, 0);
        g_assert_cmpstr (r->text, ==,
                         json_object_get_string_member (json_array_get_object_element (announced, i),
                                                        "text"));
      }
    g_assert_null (kp_selection_requirements_list (f->db, 999999, &error));
    g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_cmpuint (n_audit_events (f->db), ==, f->events_before + 1);
  assert_last_event (f->db, "create");
  selection = kp_selection_get (f->db, f->selection, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (selection->type, ==, "cpns");
  g_assert_cmpint (selection->year, ==, 2026);
  g_assert_false (selection->locked);
  g_assert_null (selection->amendment_reason);
  g_assert_cmpint (selection->n_formasi, ==, 0);

  /* The rules are complete except for the vacancies: they could be announced. */
  g_assert_true (kp_selection_check_rules (f->db, f->selection, NULL, &error));
  g_assert_no_error (error);
}

static void
test_create_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  guint events = n_audit_events (f->db);

  g_assert_cmpint (kp_selection_create (f->db, "  ", KP_SELECTION_PPPK, 2026, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_selection_create (f->db, "PPPK", KP_SELECTION_PPPK, 1999, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_selection_type_parse ("honorer", &error), ==, -1);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
  g_assert_cmpint (kp_selection_type_parse ("non-asn", NULL), ==, KP_SELECTION_NON_ASN);
}

/* ---- weights --------------------------------------------------------------------------------- */

static void
test_weights (Fixture *f, gconstpointer data)
{
  static const int bad[] = { 0, 40, 55 };
  static const int good[] = { 0, 45, 55 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *before = rules (f);
  g_autofree char *after = NULL;
  g_autoptr(KpSelectionStage) stage = NULL;
  guint events = n_audit_events (f->db);

  g_assert_false (kp_selection_set_stage_weights (f->db, f->selection, bad, 3, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "95"));
  g_clear_error (&error);
  after = rules (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  /* Right sum, wrong count: refused too, nothing written. */
  g_assert_false (kp_selection_set_stage_weights (f->db, f->selection, good + 1, 2, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  g_assert_true (kp_selection_set_stage_weights (f->db, f->selection, good, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  event = last_event (f->db);
  g_assert_nonnull (strstr (event->payload, "stages[2].weight_percent"));
  g_assert_nonnull (strstr (event->payload, "stages[3].weight_percent"));
  /* The audit log reads the change as a sentence. */
  {
    g_autofree char *line = kp_audit_event_describe (event);

    g_assert_nonnull (strstr (line, "weight 40 % → 45 %"));
    g_assert_nonnull (strstr (line, "; "));
    g_assert_cmpstr (kp_audit_entity_label (event->entity), ==, "Selection");
  }
  /* The same weights again change nothing and record nothing. */
  g_assert_true (kp_selection_set_stage_weights (f->db, f->selection, good, 3, &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);

  /* One stage at a time may leave a sum other than 100: the check says so, and the
   * announcement is refused. */
  {
    g_autoptr(GPtrArray) stages = kp_selection_stages_list (f->db, f->selection, &error);

    stage = g_ptr_array_steal_index (stages, 1);
  }
  stage->weight_percent = 50;
  g_assert_true (kp_selection_stage_update (f->db, stage->id, stage, &error));
  g_assert_no_error (error);
  g_assert_false (kp_selection_check_rules (f->db, f->selection, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "105"));
  add_formasi (f, "F0001", 1);
  g_assert_cmpint (kp_selection_publish (f->db, f->selection, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "105"));
}

static void
test_stage_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  KpSelectionStage stage = {
    .name = (char *) "Wawancara", .kind = (char *) "interview", .method = (char *) "",
    .scoring = (char *) "sum", .starts_on = (char *) "2026-09-10",
    .ends_on = (char *) "2026-09-01", .place = (char *) "Kalianda",
  };
  guint events = n_audit_events (f->db);

  g_assert_cmpint (kp_selection_stage_add (f->db, f->selection, &stage, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  stage.ends_on = (char *) "2026-02-30";
  g_assert_cmpint (kp_selection_stage_add (f->db, f->selection, &stage, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  stage.ends_on = (char *) "2026-09-12";
  stage.kind = (char *) "lottery";
  g_assert_cmpint (kp_selection_stage_add (f->db, f->selection, &stage, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  /* A pass rule above the component's maximum. */
  g_assert_false (kp_selection_pass_rule_set (f->db, stage_id (f, 2), "umum", "TWK", 151,
                                              &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  stage.kind = (char *) "interview";
  g_assert_cmpint (kp_selection_stage_add (f->db, f->selection, &stage, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  /* Moved first, the others close up. */
  g_assert_true (kp_selection_stage_move (f->db, stage_id (f, 4), 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) stages = kp_selection_stages_list (f->db, f->selection, &error);

    g_assert_cmpstr (((KpSelectionStage *) g_ptr_array_index (stages, 0))->kind, ==,
                     "interview");
    g_assert_cmpstr (((KpSelectionStage *) g_ptr_array_index (stages, 3))->kind, ==, "skb");
  }
}

static void
test_delete_and_draft_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sql = NULL;
  KpSelectionStage stage = { .name = (char *) "Wawancara", .kind = (char *) "interview",
                             .scoring = (char *) "weighted", .eliminates = TRUE };
  guint events = n_audit_events (f->db);
  gint64 other;

  /* An eliminating stage with neither pass rule nor cut-off, weighted without components. */
  g_assert_cmpint (kp_selection_stage_add (f->db, f->selection, &stage, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (kp_selection_check_rules (f->db, f->selection, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Wawancara"));

  g_assert_false (kp_selection_set_sample_percent (f->db, f->selection, 101, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kp_selection_rename (f->db, f->selection, "CPNS 2026", &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_selection_find (f->db, "CPNS 2026", &error), ==, f->selection);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 2);

  /* Someone has registered: kept. */
  add_formasi (f, "F0001", 1);
  sql = g_strdup_printf ("INSERT INTO applicant (selection_id, reg_no, nik, name, sex, "
                         "birth_date, formasi_id) SELECT selection_id, 'REG1', "
                         "'1801010101900001', 'Ani', 'P', '1990-01-01', id FROM formasi "
                         "WHERE selection_id = %" G_GINT64_FORMAT, f->selection);
  raw_sql (f, sql);
  g_assert_false (kp_selection_delete (f->db, f->selection, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE);
  g_clear_error (&error);

  other = kp_selection_create (f->db, "Seleksi terbuka JPT", KP_SELECTION_JPT, 2026, &error);
  g_assert_no_error (error);
  g_assert_true (kp_selection_delete (f->db, other, &error));
  g_assert_no_error (error);
  assert_last_event (f->db, "delete");
  list = kp_selection_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((KpSelection *) g_ptr_array_index (list, 0))->n_applicants, ==, 1);
  assert_audit_intact (f->db);
}

/* ---- the lock -------------------------------------------------------------------------------- */

typedef gboolean (*LockedEdit) (Fixture *f, GError **error);

static gboolean
edit_stage_add (Fixture *f, GError **error)
{
  KpSelectionStage stage = { .name = (char *) "Wawancara", .kind = (char *) "interview",
                             .scoring = (char *) "sum" };

  return kp_selection_stage_add (f->db, f->selection, &stage, error) != 0;
}

static gboolean
edit_stage_update (Fixture *f, GError **error)
{
  g_autoptr(GPtrArray) stages = kp_selection_stages_list (f->db, f->selection, error);
  KpSelectionStage *stage = g_ptr_array_index (stages, 1);

  stage->place = g_strdup ("Gedung Serbaguna");
  return kp_selection_stage_update (f->db, stage->id, stage, error);
}

static gboolean
edit_stage_move (Fixture *f, GError **error)
{
  return kp_selection_stage_move (f->db, stage_id (f, 3), 2, error);
}

static gboolean
edit_stage_remove (Fixture *f, GError **error)
{
  return kp_selection_stage_remove (f->db, stage_id (f, 3), error);
}

static gboolean
edit_weights (Fixture *f, GError **error)
{
  static const int weights[] = { 0, 50, 50 };

  return kp_selection_set_stage_weights (f->db, f->selection, weights, 3, error);
}

static gboolean
edit_component_add (Fixture *f, GError **error)
{
  return kp_selection_component_add (f->db, stage_id (f, 3), "PRAKTIK", "Tes praktik", 100, 0,
                                     error);
}

static gboolean
edit_component_update (Fixture *f, GError **error)
{
  return kp_selection_component_update (f->db, stage_id (f, 2), "TWK", "Wawasan Kebangsaan",
                                        150, 0, error);
}

static gboolean
edit_component_remove (Fixture *f, GError **error)
{
  return kp_selection_component_remove (f->db, stage_id (f, 3), "SKB", error);
}

static gboolean
edit_pass_rule_set (Fixture *f, GError **error)
{
  return kp_selection_pass_rule_set (f->db, stage_id (f, 2), "umum", "TWK", 70, error);
}

static gboolean
edit_pass_rule_remove (Fixture *f, GError **error)
{
  return kp_selection_pass_rule_remove (f->db, stage_id (f, 2), "cumlaude", "TIU", error);
}

static gboolean
edit_code_set (Fixture *f, GError **error)
{
  return kp_selection_code_set (f->db, f->selection, "skd", "TL", "Tidak Lulus SKD", "", error);
}

static gboolean
edit_code_remove (Fixture *f, GError **error)
{
  return kp_selection_code_remove (f->db, f->selection, "final", "APS", error);
}

static gboolean
edit_tie_break (Fixture *f, GError **error)
{
  static const char *const criteria[] = { "skd-total", "age" };
  static const char *const labels[] = { "Nilai SKD", "Usia" };

  return kp_selection_tie_break_set (f->db, f->selection, criteria, labels, 2, error);
}

static gboolean
edit_requirement_add (Fixture *f, GError **error)
{
  return kp_selection_requirement_add (f->db, f->selection, "Sehat jasmani", error) != 0;
}

static gboolean
edit_rename (Fixture *f, GError **error)
{
  return kp_selection_rename (f->db, f->selection, "CPNS 2026 (revisi)", error);
}

static gboolean
edit_appeal (Fixture *f, GError **error)
{
  return kp_selection_set_appeal_text (f->db, f->selection, "Sanggah lewat SSCASN", error);
}

static const struct {
  const char *name;
  LockedEdit edit;
} locked_edits[] = {
  /* In an order that also works one after the other (test_cancel_restores). */
  { "stage-weights", edit_weights },
  { "stage-update", edit_stage_update },
  { "component-add", edit_component_add },
  { "component-update", edit_component_update },
  { "component-remove", edit_component_remove },
  { "pass-rule-set", edit_pass_rule_set },
  { "pass-rule-remove", edit_pass_rule_remove },
  { "code-set", edit_code_set },
  { "code-remove", edit_code_remove },
  { "tie-break", edit_tie_break },
  { "requirement-add", edit_requirement_add },
  { "rename", edit_rename },
  { "appeal-text", edit_appeal },
  { "stage-add", edit_stage_add },
  { "stage-move", edit_stage_move },
  { "stage-remove", edit_stage_remove },
};

/* Each edit: refused with LOCKED once announced, nothing written, no event; accepted (with an
 * event) inside an amendment. */
static void
test_locked_edit (gconstpointer data)
{
  const LockedEdit edit = *(const LockedEdit *) data;
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *after = NULL;
  guint events;

  fixture_set_up (f, NULL);
  g_assert_cmpint (publish_ok (f), ==, 1);
  announced = rules (f);
  events = n_audit_events (f->db);

  g_assert_false (edit (f, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  after = rules (f);
  g_assert_cmpstr (after, ==, announced);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  g_assert_true (kp_selection_amendment_begin (f->db, f->selection, "Koreksi", &error));
  g_assert_no_error (error);
  g_assert_true (edit (f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 2);
  assert_last_event (f->db, "update");
  fixture_tear_down (f, NULL);
}

static void
test_locked_requirement_update (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 requirement = kp_selection_requirement_add (f->db, f->selection, "Sehat", &error);

  g_assert_no_error (error);
  g_assert_cmpint (publish_ok (f), ==, 1);
  g_assert_false (kp_selection_requirement_update (f->db, requirement, "Sehat jasmani",
                                                   &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (kp_selection_requirement_remove (f->db, requirement, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  /* The four eyes share is not announced: it changes any time. */
  g_assert_true (kp_selection_set_sample_percent (f->db, f->selection, 25, &error));
  g_assert_no_error (error);
  /* An announced selection is kept. */
  g_assert_false (kp_selection_delete (f->db, f->selection, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
}

/* ---- publishing and amendments --------------------------------------------------------------- */

static void
test_publish (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *head = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *now = NULL;
  KpAnnouncement *v1;

  /* No vacancies: refused. */
  g_assert_cmpint (kp_selection_publish (f->db, f->selection, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  add_formasi (f, "F0001", 2);
  head = checkpoint (f->db);
  g_assert_cmpint (kp_selection_publish (f->db, f->selection, &error), ==, 1);
  g_assert_no_error (error);
  list = kp_announcement_list (f->db, f->selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  v1 = g_ptr_array_index (list, 0);
  g_assert_cmpint (v1->version, ==, 1);
  g_assert_cmpstr (v1->checkpoint, ==, head);
  g_assert_cmpuint (v1->n_changes, ==, 0);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "publish");
  g_assert_nonnull (strstr (event->payload, head));
  stored = kp_announcement_get_rules_json (f->db, f->selection, 1, &error);
  g_assert_no_error (error);
  now = rules (f);
  g_assert_cmpstr (stored, ==, now);
  g_assert_nonnull (strstr (stored, "\"F0001\""));

  /* Again: refused, it is announced. */
  g_assert_cmpint (kp_selection_publish (f->db, f->selection, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  /* An amendment needs a reason, and an announcement to amend. */
  g_assert_false (kp_selection_amendment_begin (f->db, f->selection, " ", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_selection_amendment_publish (f->db, f->selection, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  assert_audit_intact (f->db);
}

static void
test_announcement_rows_unchangeable (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = NULL;
  sqlite3 *handle;
  char *message = NULL;

  publish_ok (f);
  handle = raw_open (f->path);
  sql = g_strdup_printf ("UPDATE announcement SET rules_json = '{}' WHERE selection_id = %"
                         G_GINT64_FORMAT, f->selection);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "never changed"));
  sqlite3_free (message);
  sqlite3_close (handle);
}

static void
test_amendment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *changes_json = NULL;
  g_autoptr(KpSelection) selection = NULL;
  JsonArray *array;
  guint events;

  publish_ok (f);
  events = n_audit_events (f->db);
  g_assert_true (kp_selection_amendment_begin (f->db, f->selection,
                                               "Ralat nilai ambang batas TWK", &error));
  g_assert_no_error (error);
  assert_last_event (f->db, "amend");
  /* Only one amendment at a time. */
  g_assert_false (kp_selection_amendment_begin (f->db, f->selection, "Lagi", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  selection = kp_selection_get (f->db, f->selection, &error);
  g_assert_cmpstr (selection->amendment_reason, ==, "Ralat nilai ambang batas TWK");

  /* Nothing changed yet: nothing to publish. */
  g_assert_cmpint (kp_selection_amendment_publish (f->db, f->selection, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kp_selection_pass_rule_set (f->db, stage_id (f, 2), "umum", "TWK", 70, &error));
  g_assert_no_error (error);
  add_formasi (f, "F0002", 3);
  g_assert_cmpint (kp_selection_amendment_publish (f->db, f->selection, &error), ==, 2);
  g_assert_no_error (error);
  assert_last_event (f->db, "publish");
  /* begin, the pass rule, publish: the formasi came from elsewhere (its own event there). */
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 3);

  changes_json = kp_announcement_get_changes_json (f->db, f->selection, 2, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser = json_parser_new (), changes_json, -1,
                                             &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "path"),
                   ==, "stages[2].pass_rules[umum/TWK].min_score");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "old"), ==, "65");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "new"), ==, "70");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "path"), ==, "formasi[F0002]");

  list = kp_announcement_list (f->db, f->selection, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (((KpAnnouncement *) g_ptr_array_index (list, 1))->n_changes, ==, 2);
  g_assert_cmpstr (((KpAnnouncement *) g_ptr_array_index (list, 1))->reason, ==,
                   "Ralat nilai ambang batas TWK");
  /* Closed and locked again. */
  g_assert_false (edit_tie_break (f, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  assert_audit_intact (f->db);
}

static void
test_cancel_restores (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  guint events;

  add_formasi (f, "F0002", 1);
  publish_ok (f);
  announced = kp_announcement_get_rules_json (f->db, f->selection, 1, &error);
  g_assert_no_error (error);
  g_assert_true (kp_selection_amendment_begin (f->db, f->selection, "Coba", &error));
  events = n_audit_events (f->db);
  /* A bit of everything. */
  for (guint i = 0; i < G_N_ELEMENTS (locked_edits); i++)
    {
      if (!locked_edits[i].edit (f, &error))
        g_error ("%s: %s", locked_edits[i].name, error->message);
    }
  add_formasi (f, "F0009", 4);
  sql = g_strdup_printf ("UPDATE formasi SET quota = 7 WHERE code = 'F0001'; "
                         "DELETE FROM formasi WHERE code = 'F0002'");
  raw_sql (f, sql);
  after = rules (f);
  g_assert_cmpstr (after, !=, announced);
  g_clear_pointer (&after, g_free);

  g_assert_true (kp_selection_amendment_cancel (f->db, f->selection, &error));
  g_assert_no_error (error);
  assert_last_event (f->db, "amend-cancel");
  g_assert_cmpuint (n_audit_events (f->db), ==, events + G_N_ELEMENTS (locked_edits) + 1);
  after = rules (f);
  g_assert_cmpstr (after, ==, announced);
  /* Locked again, with no amendment open. */
  g_assert_false (edit_rename (f, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  assert_audit_intact (f->db);
}

static void
test_cancel_refused_with_applicants (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(KpSelection) selection = NULL;
  guint events;

  publish_ok (f);
  g_assert_true (kp_selection_amendment_begin (f->db, f->selection, "Tambah formasi", &error));
  add_formasi (f, "F0005", 1);
  sql = g_strdup_printf ("INSERT INTO applicant (selection_id, reg_no, nik, name, sex, "
                         "birth_date, formasi_id) SELECT selection_id, 'REG1', "
                         "'1801010101900001', 'Ani', 'P', '1990-01-01', id FROM formasi "
                         "WHERE code = 'F0005'");
  raw_sql (f, sql);
  events = n_audit_events (f->db);
  g_assert_false (kp_selection_amendment_cancel (f->db, f->selection, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "F0005"));
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
  selection = kp_selection_get (f->db, f->selection, NULL);
  g_assert_nonnull (selection->amendment_reason);
}

/* ---- the diff -------------------------------------------------------------------------------- */

static void
test_diff_exact (void)
{
  const char *old_json =
    "{\"name\":\"S\",\"stages\":[{\"position\":2,\"name\":\"SKD\",\"weight_percent\":40,"
    "\"components\":[{\"code\":\"TWK\",\"max_score\":150}]}],"
    "\"formasi\":[{\"code\":\"F0003\",\"quota\":2},{\"code\":\"F0007\",\"quota\":1}]}";
  const char *new_json =
    "{\"name\":\"S\",\"stages\":[{\"position\":2,\"name\":\"SKD\",\"weight_percent\":45,"
    "\"components\":[{\"code\":\"TWK\",\"max_score\":150}]}],"
    "\"formasi\":[{\"code\":\"F0001\",\"quota\":1},{\"code\":\"F0003\",\"quota\":5}]}";
  static const char *const paths[] = { "stages[2].weight_percent", "formasi[F0001]",
                                       "formasi[F0003].quota", "formasi[F0007]" };
  g_autoptr(GPtrArray) changes = kp_announcement_diff (old_json, new_json);
  g_autoptr(GPtrArray) none = kp_announcement_diff (old_json, old_json);
  KpRulesChange *change;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (paths));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_assert_cmpstr (((KpRulesChange *) g_ptr_array_index (changes, i))->path, ==, paths[i]);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->old_value, ==, "40");
  g_assert_cmpstr (change->new_value, ==, "45");
  g_assert_nonnull (strstr (change->sentence, "SKD"));
  g_assert_nonnull (strstr (change->sentence, "40 %"));
  g_assert_nonnull (strstr (change->sentence, "45 %"));
  change = g_ptr_array_index (changes, 1);
  g_assert_null (change->old_value);
  g_assert_nonnull (strstr (change->sentence, "F0001"));
  change = g_ptr_array_index (changes, 3);
  g_assert_null (change->new_value);
  g_assert_nonnull (strstr (change->sentence, "F0007"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/selection/create-defaults", test_create_defaults);
  ADD ("/selection/create-refusals", test_create_refusals);
  ADD ("/selection/weights", test_weights);
  ADD ("/selection/stage-validation", test_stage_validation);
  ADD ("/selection/delete-and-draft-edits", test_delete_and_draft_edits);
  ADD ("/selection/locked-requirement", test_locked_requirement_update);
  ADD ("/selection/publish", test_publish);
  ADD ("/selection/announcement-rows-unchangeable", test_announcement_rows_unchangeable);
  ADD ("/selection/amendment", test_amendment);
  ADD ("/selection/cancel-restores", test_cancel_restores);
  ADD ("/selection/cancel-refused-with-applicants", test_cancel_refused_with_applicants);
  g_test_add_func ("/selection/diff-exact", test_diff_exact);
  for (guint i = 0; i < G_N_ELEMENTS (locked_edits); i++)
    add_case ("/selection/locked", locked_edits[i].name, &locked_edits[i].edit,
              test_locked_edit);
  return g_test_run ();
}
