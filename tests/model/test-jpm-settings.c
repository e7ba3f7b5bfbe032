/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-jpm-settings.c: the JPM weights per position kind and the categories: setting and
 * removing, one audit event per change and none for a no-op, refusals that write nothing, and
 * the gap analysis judging with what was set. */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kompeten/kp-model.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  KpDatabase *db;
  gint64 budi;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static const char *const managerial[] = { "M.01", "M.02", "M.03", "M.04", "M.05",
                                            "M.06", "M.07", "M.08", "SK.01" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KpEmployee) employee = NULL;
  GListModel *dictionary;
  gint64 unit, position, technical, event;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);

  unit = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  position = kp_register_add_position (f->db, unit, "Perawat Pelaksana",
                                       KP_POSITION_KIND_PELAKSANA, &error);
  g_assert_no_error (error);
  employee = new_employee (NIP_BUDI, "Budi Santoso", "L", "1990-01-01", "III/a", position);
  f->budi = save_ok (f->db, employee);

  /* Budi meets the Pelaksana default (level 1) on the nine managerial and socio-cultural
   * competencies, and is not assessed on the technical one his position asks at level 4:
   * unweighted 9 / 13 = 69.2 % (Masih Memenuhi Syarat). */
  technical = kp_competency_save (f->db, 0, "T.KES.01", "Asuhan Keperawatan",
                                  KP_COMPETENCY_TECHNICAL, "", &error);
  g_assert_no_error (error);
  g_assert_true (kp_standards_set (f->db, position, technical, 4, &error));
  g_assert_no_error (error);
  event = kp_assessment_create (f->db, "Uji 2026", "2026", "2026-04-01",
                                KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, &error);
  g_assert_no_error (error);
  dictionary = kp_database_get_competencies (f->db);
  for (guint i = 0; i < g_list_model_get_n_items (dictionary); i++)
    {
      g_autoptr(KpCompetency) c = g_list_model_get_item (dictionary, i);

      if (!g_strv_contains (managerial, kp_competency_get_code (c)))
        continue;
      g_assert_true (kp_assessment_record (f->db, event, f->budi, kp_competency_get_id (c),
                                           "Asesor Satu", 1, "", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* The event's payload as canonical JSON text, for exact comparison. */
static char *
payload_text (const KpAuditEvent *event)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, event->payload, -1, &error));
  g_assert_no_error (error);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

typedef struct {
  char *jpm;        /* "69.2" */
  guint category;
  gboolean weighted;
} Judged;

static gboolean
on_gaps (const KpEmployeeGaps *gaps, gpointer user_data, GError **error)
{
  Judged *judged = user_data;
  char percent[16];

  kp_ratio_format_percent (gaps->jpm.total, percent);
  judged->jpm = g_strdup (percent);
  judged->weighted = gaps->weighted;
  judged->category = gaps->category;
  return TRUE;
}

/* Budi's JPM and category as a fresh kp_gaps_new () sees them: "69.2 Masih Memenuhi Syarat". */
static char *
judge_budi (Fixture *f, gboolean *weighted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpGaps) gaps = kp_gaps_new (f->db, &error);
  Judged judged = { 0 };
  char *text;

  g_assert_no_error (error);
  g_assert_true (kp_gaps_judge (gaps, f->budi, 0, on_gaps, &judged, &error));
  g_assert_no_error (error);
  text = g_strdup_printf ("%s %s", judged.jpm, kp_gaps_get_category_name (gaps, judged.category));
  if (weighted != NULL)
    *weighted = judged.weighted;
  g_free (judged.jpm);
  return text;
}

static void
test_weights (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *before = NULL;
  g_autofree char *half = NULL;
  g_autofree char *none = NULL;
  g_autofree char *after = NULL;
  int weights[KP_POSITION_KIND_COUNT];
  gboolean weighted = TRUE;
  guint n_events;

  /* Nothing is seeded: every kind is unweighted. */
  g_assert_true (kp_jpm_weights_get_all (f->db, weights, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < KP_POSITION_KIND_COUNT; k++)
    g_assert_cmpint (weights[k], ==, -1);
  before = judge_budi (f, &weighted);
  g_assert_cmpstr (before, ==, "69.2 Masih Memenuhi Syarat");
  g_assert_false (weighted);

  /* Technical half the weight: 50 % × 100 % + 50 % × 0 % = 50 %. */
  n_events = n_audit_events (f->db);
  g_assert_true (kp_jpm_weight_set (f->db, KP_POSITION_KIND_PELAKSANA, 50, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_jpm_weight_get (f->db, KP_POSITION_KIND_PELAKSANA), ==, 50);
  g_assert_cmpint (kp_jpm_weight_get (f->db, KP_POSITION_KIND_PENGAWAS), ==, -1);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "update");
  g_assert_cmpstr (event->entity, ==, "jpm-weight");
  g_assert_cmpstr (event->entity_id, ==, "Pelaksana");
  payload = payload_text (event);
  g_assert_cmpstr (payload, ==, "{\"kind\":\"Pelaksana\",\"old\":null,\"new\":50}");
  {
    /* The audit log's one line names the kind and the new percent. */
    g_autofree char *line = kp_audit_event_describe (event);

    g_assert_nonnull (strstr (line, "Pelaksana"));
    g_assert_nonnull (strstr (line, "50"));
  }
  half = judge_budi (f, &weighted);
  g_assert_cmpstr (half, ==, "50.0 Kurang Memenuhi Syarat");
  g_assert_true (weighted);

  /* The same again writes nothing. */
  g_assert_true (kp_jpm_weight_set (f->db, KP_POSITION_KIND_PELAKSANA, 50, &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);

  /* Technical weighs nothing: the managerial 100 % is the JPM. */
  g_assert_true (kp_jpm_weight_set (f->db, KP_POSITION_KIND_PELAKSANA, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 2);
  g_clear_pointer (&event, kp_audit_event_free);
  g_clear_pointer (&payload, g_free);
  event = last_event (f->db);
  payload = payload_text (event);
  g_assert_cmpstr (payload, ==, "{\"kind\":\"Pelaksana\",\"old\":50,\"new\":0}");
  none = judge_budi (f, NULL);
  g_assert_cmpstr (none, ==, "100.0 Memenuhi Syarat");

  /* Removing it makes the kind unweighted again. */
  g_assert_true (kp_jpm_weight_set (f->db, KP_POSITION_KIND_PELAKSANA, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_jpm_weight_get (f->db, KP_POSITION_KIND_PELAKSANA), ==, -1);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 3);
  g_clear_pointer (&event, kp_audit_event_free);
  g_clear_pointer (&payload, g_free);
  event = last_event (f->db);
  payload = payload_text (event);
  g_assert_cmpstr (payload, ==, "{\"kind\":\"Pelaksana\",\"old\":0,\"new\":null}");
  after = judge_budi (f, &weighted);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (weighted);
  /* Removing what is not there writes nothing. */
  g_assert_true (kp_jpm_weight_set (f->db, KP_POSITION_KIND_PELAKSANA, -1, &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 3);
  assert_audit_intact (f->db);
}

static void
test_weight_refusals (Fixture *f, gconstpointer data)
{
  static const struct { int kind; int percent; } bad[] = {
    { KP_POSITION_KIND_PELAKSANA, 101 },
    { KP_POSITION_KIND_PELAKSANA, -2 },
    { KP_POSITION_KIND_PELAKSANA, 1000 },
    { -1, 50 },
    { KP_POSITION_KIND_COUNT, 50 },
  };
  guint n_events = n_audit_events (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kp_jpm_weight_set (f->db, bad[i].kind, bad[i].percent, &error));
      g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
      if (bad[i].kind == KP_POSITION_KIND_PELAKSANA)
        {
          g_autofree char *number = g_strdup_printf ("%d", bad[i].percent);

          /* The message names the kind and the refused number. */
          g_assert_nonnull (strstr (error->message, "Pelaksana"));
          g_assert_nonnull (strstr (error->message, number));
        }
    }
  g_assert_cmpint (kp_jpm_weight_get (f->db, KP_POSITION_KIND_PELAKSANA), ==, -1);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events);
}

/* "80=A;68=B;0=C" as KpJpmCategory. */
static GPtrArray *
categories (const char *text)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_jpm_category_free);
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');

      g_assert_nonnull (equals);
      g_ptr_array_add (array, kp_jpm_category_new ((int) g_ascii_strtoll (parts[i], NULL, 10),
                                                   equals + 1));
    }
  return array;
}

/* The stored table as "80=A;68=B;0=C". */
static char *
stored (KpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = kp_jpm_categories_list (db, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const KpJpmCategory *category = g_ptr_array_index (list, i);

      g_string_append_printf (text, "%s%d=%s", i > 0 ? ";" : "", category->min_percent,
                              category->name);
    }
  return g_string_free (text, FALSE);
}

static void
test_categories (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) two = categories ("0=  Perlu   Pengembangan ;60=Siap");
  g_autoptr(GPtrArray) same = categories ("60=Siap;0=Perlu Pengembangan");
  g_autoptr(GPtrArray) seeded = categories ("80=Memenuhi Syarat;68=Masih Memenuhi Syarat;"
                                            "0=Kurang Memenuhi Syarat");
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *table = stored (f->db);
  g_autofree char *judged = NULL;
  g_autofree char *table2 = NULL;
  guint n_events;

  g_assert_cmpstr (table, ==, "80=Memenuhi Syarat;68=Masih Memenuhi Syarat;0=Kurang Memenuhi Syarat");
  /* The seeded table again is no change. */
  n_events = n_audit_events (f->db);
  g_assert_true (kp_jpm_categories_replace (f->db, seeded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events);

  /* Any order in, highest first out; names squashed. */
  g_assert_true (kp_jpm_categories_replace (f->db, two, &error));
  g_assert_no_error (error);
  table2 = stored (f->db);
  g_assert_cmpstr (table2, ==, "60=Siap;0=Perlu Pengembangan");
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "update");
  g_assert_cmpstr (event->entity, ==, "jpm-category");
  payload = payload_text (event);
  g_assert_cmpstr (payload, ==,
                   "{\"old\":[{\"min\":80,\"name\":\"Memenuhi Syarat\"},"
                   "{\"min\":68,\"name\":\"Masih Memenuhi Syarat\"},"
                   "{\"min\":0,\"name\":\"Kurang Memenuhi Syarat\"}],"
                   "\"new\":[{\"min\":60,\"name\":\"Siap\"},"
                   "{\"min\":0,\"name\":\"Perlu Pengembangan\"}]}");
  {
    g_autofree char *line = kp_audit_event_describe (event);

    g_assert_nonnull (strstr (line, "60 % Siap"));
    g_assert_nonnull (strstr (line, "0 % Perlu Pengembangan"));
  }

  /* The same categories written differently change nothing. */
  g_assert_true (kp_jpm_categories_replace (f->db, same, &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);

  /* The gap analysis reads the new table: Budi's 69.2 % now reaches the top category. */
  judged = judge_budi (f, NULL);
  g_assert_cmpstr (judged, ==, "69.2 Siap");
  assert_audit_intact (f->db);
}

typedef struct {
  const char *name;
  const char *categories;
  const char *named;   /* a fragment the message must carry: the category at fault */
} BadCategories;

static const BadCategories bad_categories[] = {
  { "no-zero", "80=Baik;68=Cukup", "0" },
  { "empty-name", "80=Baik;68= \t ;0=Kurang", "68" },
  { "same-name", "80=Baik;68=Cukup;0=  baik", "Baik" },
  { "same-bound", "80=Baik;80=Cukup;0=Kurang", "Cukup" },
  { "over-100", "101=Istimewa;0=Kurang", "Istimewa" },
  { "negative", "-5=Buruk;0=Kurang", "Buruk" },
  { "too-many", "90=A;80=B;70=C;60=D;50=E;40=F;30=G;20=H;10=I;5=J;0=K", "11" },
};

static void
test_category_refusals (gconstpointer data)
{
  const BadCategories *bad = data;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "kompeten.db", NULL);
  g_autoptr(KpDatabase) db = open_db (path);
  g_autoptr(GPtrArray) list = categories (bad->categories);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = stored (db);
  g_autofree char *after = NULL;
  guint n_events = n_audit_events (db);

  g_assert_false (kp_jpm_categories_replace (db, list, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  if (strstr (error->message, bad->named) == NULL)
    g_error ("“%s” does not name “%s”", error->message, bad->named);
  after = stored (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_audit_events (db), ==, n_events);

  g_clear_object (&db);
  remove_tree (dir);
}

static void
test_empty_list_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_jpm_categories_replace (f->db, none, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jpm-settings/weights", test_weights);
  ADD ("/jpm-settings/weight-refusals", test_weight_refusals);
  ADD ("/jpm-settings/categories", test_categories);
  ADD ("/jpm-settings/empty-list-refused", test_empty_list_refused);
  for (guint i = 0; i < G_N_ELEMENTS (bad_categories); i++)
    add_case ("/jpm-settings/category-refused", bad_categories[i].name, &bad_categories[i],
              test_category_refusals);
  return g_test_run ();
}
