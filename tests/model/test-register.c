/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-register.c: keeping the register: units (named once, never inside themselves, not
 * deleted while in use), positions, employees (valid NIP, unique, no supervisor loops), and the
 * stores a window shows, each emitting exactly one items-changed per change. */

#include "config.h"

#include "model-test-util.h"

typedef struct {
  char *dir;
  KpDatabase *db;
  GString *log; /* items-changed of the employee store, "(position,removed,added)" */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);
  f->log = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_string_free (f->log, TRUE);
}

static void
assert_error_mentions (const GError *error, KpModelError code, const char *fragment)
{
  g_assert_error (error, KP_MODEL_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” does not mention “%s”", error->message, fragment);
}

static KpUnit *
unit_by_id (KpDatabase *db, gint64 id)
{
  GListModel *units = kp_database_get_units (db);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      KpUnit *unit = g_list_model_get_item (units, i);

      if (kp_unit_get_id (unit) == id)
        return unit;
      g_object_unref (unit);
    }
  return NULL;
}

static KpPosition *
position_by_id (KpDatabase *db, gint64 id)
{
  GListModel *positions = kp_database_get_positions (db);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      KpPosition *position = g_list_model_get_item (positions, i);

      if (kp_position_get_id (position) == id)
        return position;
      g_object_unref (position);
    }
  return NULL;
}

static gint64
add_unit (KpDatabase *db, const char *name, gint64 parent_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_unit (db, name, parent_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_position (KpDatabase *db, gint64 unit_id, const char *title, int kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_position (db, unit_id, title, kind, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- units ------------------------------------------------------------------------------------ */

static void
test_unit_add_rename (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpUnit) unit = NULL;
  GListModel *units = kp_database_get_units (f->db);
  gint64 health, social;

  health = add_unit (f->db, "  Dinas   Kesehatan ", 0);
  social = add_unit (f->db, "Dinas Sosial", 0);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);
  unit = unit_by_id (f->db, health);
  g_assert_cmpstr (kp_unit_get_name (unit), ==, "Dinas Kesehatan");
  g_assert_cmpint (kp_unit_get_parent_id (unit), ==, 0);
  g_clear_object (&unit);

  /* Unique ignoring case and spacing. */
  g_assert_cmpint (kp_register_add_unit (f->db, "DINAS kesehatan", 0, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_DUPLICATE, "DINAS kesehatan");
  g_clear_error (&error);
  g_assert_cmpint (kp_register_add_unit (f->db, "   ", 0, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_INVALID, NULL);
  g_clear_error (&error);
  g_assert_cmpint (kp_register_add_unit (f->db, "Puskesmas", health + social + 10, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);

  g_assert_true (kp_register_rename_unit (f->db, health, "Dinas Kesehatan Daerah", &error));
  g_assert_no_error (error);
  unit = unit_by_id (f->db, health);
  g_assert_cmpstr (kp_unit_get_name (unit), ==, "Dinas Kesehatan Daerah");

  g_assert_false (kp_register_rename_unit (f->db, social, "dinas kesehatan daerah", &error));
  assert_error_mentions (error, KP_MODEL_ERROR_DUPLICATE, "dinas kesehatan daerah");
  g_clear_error (&error);
  g_assert_false (kp_register_rename_unit (f->db, health + social + 10, "Bappeda", &error));
  assert_error_mentions (error, KP_MODEL_ERROR_NOT_FOUND, NULL);
}

static void
test_unit_move (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 dinas, rsud, poli;

  dinas = add_unit (f->db, "Dinas Kesehatan", 0);
  rsud = add_unit (f->db, "RSUD Bob Bazar", 0);
  poli = add_unit (f->db, "Poliklinik", 0);

  g_assert_true (kp_register_move_unit (f->db, rsud, dinas, &error));
  g_assert_no_error (error);
  g_assert_true (kp_register_move_unit (f->db, poli, rsud, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KpUnit) unit = unit_by_id (f->db, poli);

    g_assert_cmpint (kp_unit_get_parent_id (unit), ==, rsud);
  }

  /* Under its own grandchild, its child, itself: a loop each time. */
  g_assert_false (kp_register_move_unit (f->db, dinas, poli, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_CYCLE, "Dinas Kesehatan");
  g_clear_error (&error);
  g_assert_false (kp_register_move_unit (f->db, dinas, rsud, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_CYCLE, NULL);
  g_clear_error (&error);
  g_assert_false (kp_register_move_unit (f->db, dinas, dinas, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_CYCLE, NULL);
  g_clear_error (&error);
  {
    g_autoptr(KpUnit) unit = unit_by_id (f->db, dinas);

    g_assert_cmpint (kp_unit_get_parent_id (unit), ==, 0);
  }

  /* Back to the top level. */
  g_assert_true (kp_register_move_unit (f->db, poli, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KpUnit) unit = unit_by_id (f->db, poli);

    g_assert_cmpint (kp_unit_get_parent_id (unit), ==, 0);
  }
  assert_audit_intact (f->db);
}

static void
test_unit_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 dinas, positions[3], children[2];
  g_autoptr(KpUnit) gone = NULL;

  dinas = add_unit (f->db, "Dinas Kesehatan", 0);
  positions[0] = add_position (f->db, dinas, "Kepala Dinas", KP_POSITION_KIND_JPT_PRATAMA);
  positions[1] = add_position (f->db, dinas, "Sekretaris", KP_POSITION_KIND_ADMINISTRATOR);
  positions[2] = add_position (f->db, dinas, "Perawat Terampil", KP_POSITION_KIND_TERAMPIL);
  children[0] = add_unit (f->db, "Puskesmas Kalianda", dinas);
  children[1] = add_unit (f->db, "Puskesmas Natar", dinas);

  /* The message says what is in the way: three positions and two sub-units. */
  g_assert_false (kp_register_delete_unit (f->db, dinas, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_IN_USE, "3");
  assert_error_mentions (error, KP_MODEL_ERROR_IN_USE, "2");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (f->db)), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_assert_true (kp_register_delete_position (f->db, positions[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (kp_register_delete_unit (f->db, children[0], &error));
  g_assert_no_error (error);
  g_assert_false (kp_register_delete_unit (f->db, dinas, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_IN_USE, "1");
  g_clear_error (&error);
  g_assert_true (kp_register_move_unit (f->db, children[1], 0, &error));
  g_assert_no_error (error);

  g_assert_true (kp_register_delete_unit (f->db, dinas, &error));
  g_assert_no_error (error);
  gone = unit_by_id (f->db, dinas);
  g_assert_null (gone);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (f->db)), ==, 1);
  g_assert_false (kp_register_delete_unit (f->db, dinas, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_NOT_FOUND, NULL);
}

/* ---- positions -------------------------------------------------------------------------------- */

static void
test_positions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) rina = NULL;
  gint64 dinas, inspektorat, nurse, other, siti_id, rina_id;

  dinas = add_unit (f->db, "Dinas Kesehatan", 0);
  inspektorat = add_unit (f->db, "Inspektorat", 0);
  nurse = add_position (f->db, dinas, "Perawat Terampil", KP_POSITION_KIND_TERAMPIL);

  g_assert_cmpint (kp_register_add_position (f->db, dinas, "PERAWAT  terampil",
                                             KP_POSITION_KIND_TERAMPIL, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_DUPLICATE, "Dinas Kesehatan");
  g_clear_error (&error);
  g_assert_cmpint (kp_register_add_position (f->db, dinas, "Bidan", KP_POSITION_KIND_COUNT,
                                             &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_INVALID, NULL);
  g_clear_error (&error);
  g_assert_cmpint (kp_register_add_position (f->db, dinas, "", KP_POSITION_KIND_PELAKSANA,
                                             &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_INVALID, NULL);
  g_clear_error (&error);
  /* The same title in another unit is another position. */
  other = add_position (f->db, inspektorat, "Perawat Terampil", KP_POSITION_KIND_TERAMPIL);
  g_assert_cmpint (other, !=, nurse);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_positions (f->db)), ==, 2);

  g_assert_true (kp_register_update_position (f->db, nurse, "Perawat Penyelia",
                                              KP_POSITION_KIND_PENYELIA, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KpPosition) position = position_by_id (f->db, nurse);

    g_assert_cmpstr (kp_position_get_title (position), ==, "Perawat Penyelia");
    g_assert_cmpint (kp_position_get_kind (position), ==, KP_POSITION_KIND_PENYELIA);
    g_assert_cmpstr (kp_position_get_kind_name (position), ==, "Fungsional Penyelia");
    g_assert_cmpstr (kp_position_get_unit_name (position), ==, "Dinas Kesehatan");
  }

  /* Held by two: refused, saying so. */
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "III/d", nurse);
  rina = new_employee (NIP_RINA, "Rina Siregar", "P", "1992-03-15", "II/c", nurse);
  siti_id = save_ok (f->db, siti);
  rina_id = save_ok (f->db, rina);
  {
    g_autoptr(KpPosition) position = position_by_id (f->db, nurse);

    g_assert_cmpuint (kp_position_get_n_employees (position), ==, 2);
  }
  {
    g_autoptr(KpEmployee) stored = kp_register_find_employee (f->db, NIP_RINA);

    g_assert_cmpstr (kp_employee_get_position_title (stored), ==, "Perawat Penyelia");
    g_assert_cmpstr (kp_employee_get_kind_name (stored), ==, "Fungsional Penyelia");
  }
  g_assert_false (kp_register_delete_position (f->db, nurse, &error));
  assert_error_mentions (error, KP_MODEL_ERROR_IN_USE, "2");
  g_clear_error (&error);

  g_assert_true (kp_register_delete_employee (f->db, siti_id, &error));
  g_assert_no_error (error);
  g_assert_true (kp_register_delete_employee (f->db, rina_id, &error));
  g_assert_no_error (error);
  g_assert_true (kp_register_delete_position (f->db, nurse, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_positions (f->db)), ==, 1);
  assert_audit_intact (f->db);
}

/* ---- employees -------------------------------------------------------------------------------- */

typedef struct {
  gint64 unit_id;
  gint64 head_position;
  gint64 staff_position;
} Org;

static void
make_org (Fixture *f, Org *org)
{
  org->unit_id = add_unit (f->db, "Dinas Kesehatan", 0);
  org->head_position = add_position (f->db, org->unit_id, "Kepala Dinas Kesehatan",
                                     KP_POSITION_KIND_JPT_PRATAMA);
  org->staff_position = add_position (f->db, org->unit_id, "Pranata Komputer Ahli Muda",
                                      KP_POSITION_KIND_AHLI_MUDA);
}

static void
test_employee_save (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) head = NULL;
  g_autoptr(KpEmployee) ahmad = NULL;
  g_autoptr(KpEmployee) stored = NULL;
  Org org;
  gint64 head_id, ahmad_id;

  make_org (f, &org);
  head = new_employee (NIP_HEAD, "Bambang Purnomo", "L", "1966-02-04", "IV/c", org.head_position);
  head_id = save_ok (f->db, head);
  ahmad = new_employee ("  " NIP_AHMAD " ", " Ahmad   Fauzi ", "l", "14/08/1986", "iii/c",
                        org.staff_position);
  kp_employee_set_supervisor_id (ahmad, head_id);
  kp_employee_set_email (ahmad, "ahmad@example.go.id");
  ahmad_id = save_ok (f->db, ahmad);

  /* Stored canonical, shown with its joined names. */
  stored = kp_register_find_employee (f->db, NIP_AHMAD);
  g_assert_nonnull (stored);
  g_assert_cmpint (kp_employee_get_id (stored), ==, ahmad_id);
  g_assert_cmpstr (kp_employee_get_nip (stored), ==, NIP_AHMAD);
  g_assert_cmpstr (kp_employee_get_name (stored), ==, "Ahmad Fauzi");
  g_assert_cmpstr (kp_employee_get_sex (stored), ==, "L");
  g_assert_cmpstr (kp_employee_get_birth_date (stored), ==, "1986-08-14");
  g_assert_cmpstr (kp_employee_get_grade (stored), ==, "III/c");
  g_assert_cmpstr (kp_employee_get_unit_name (stored), ==, "Dinas Kesehatan");
  g_assert_cmpint (kp_employee_get_unit_id (stored), ==, org.unit_id);
  g_assert_cmpstr (kp_employee_get_position_title (stored), ==, "Pranata Komputer Ahli Muda");
  g_assert_cmpint (kp_employee_get_kind (stored), ==, KP_POSITION_KIND_AHLI_MUDA);
  g_assert_cmpstr (kp_employee_get_supervisor_name (stored), ==, "Bambang Purnomo");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (stored), ==, NIP_HEAD);
  g_assert_cmpstr (kp_employee_get_email (stored), ==, "ahmad@example.go.id");
  g_assert_null (kp_register_find_employee (f->db, NIP_BUDI));
  {
    g_autoptr(KpUnit) unit = unit_by_id (f->db, org.unit_id);

    g_assert_cmpuint (kp_unit_get_n_employees (unit), ==, 2);
  }
}

typedef struct {
  const char *name;
  const char *nip;
  const char *employee_name;
  const char *sex;
  const char *birth_date;
  const char *grade;
  KpModelError code;
  const char *fragment;
} InvalidEmployee;

static const InvalidEmployee invalid_employees[] = {
  { "nip-short", "12345", "Budi Santoso", "L", "1990-01-01", "III/a", KP_MODEL_ERROR_INVALID, "5" },
  { "nip-letters", "19900101201503100X", "Budi Santoso", "L", "1990-01-01", "III/a",
    KP_MODEL_ERROR_INVALID, "X" },
  { "nip-month-13", "199013012015031002", "Budi Santoso", "L", "1990-01-01", "III/a",
    KP_MODEL_ERROR_INVALID, "1990-13-01" },
  { "nip-tmt-before-18", "199001012005011002", "Budi Santoso", "L", "1990-01-01", "III/a",
    KP_MODEL_ERROR_INVALID, "2005-01" },
  { "nip-empty", "", "Budi Santoso", "L", "1990-01-01", "III/a", KP_MODEL_ERROR_INVALID, NULL },
  { "name-empty", NIP_BUDI, "  ", "L", "1990-01-01", "III/a", KP_MODEL_ERROR_INVALID, NULL },
  { "sex-x", NIP_BUDI, "Budi Santoso", "X", "1990-01-01", "III/a", KP_MODEL_ERROR_INVALID, NULL },
  { "birth-feb-31", NIP_BUDI, "Budi Santoso", "L", "1990-02-31", "III/a", KP_MODEL_ERROR_INVALID,
    "1990-02-31" },
  { "grade-v-z", NIP_BUDI, "Budi Santoso", "L", "1990-01-01", "V/z", KP_MODEL_ERROR_INVALID,
    "V/z" },
  { "duplicate-nip", NIP_HEAD, "Bambang Kembar", "L", "1966-02-04", "IV/c",
    KP_MODEL_ERROR_DUPLICATE, "Bambang Purnomo" },
};

static void
test_employee_invalid (Fixture *f, gconstpointer data)
{
  const InvalidEmployee *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) head = NULL;
  g_autoptr(KpEmployee) employee = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Org org;

  make_org (f, &org);
  head = new_employee (NIP_HEAD, "Bambang Purnomo", "L", "1966-02-04", "IV/c", org.head_position);
  save_ok (f->db, head);
  before = checkpoint (f->db);

  employee = new_employee (c->nip, c->employee_name, c->sex, c->birth_date, c->grade,
                           org.staff_position);
  g_assert_false (kp_register_check_employee (f->db, employee, NULL, &error));
  assert_error_mentions (error, c->code, c->fragment);
  g_clear_error (&error);
  g_assert_cmpint (kp_register_save_employee (f->db, employee, &error), ==, 0);
  assert_error_mentions (error, c->code, c->fragment);
  g_test_message ("%s: %s", c->name, error->message);

  g_assert_cmpint (kp_employee_get_id (employee), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (f->db)), ==, 1);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_employee_no_position (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) budi = new_employee (NIP_BUDI, "Budi Santoso", "L", "1990-01-01", "III/a",
                                             0);

  g_assert_cmpint (kp_register_save_employee (f->db, budi, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_INVALID, NULL);
  g_clear_error (&error);
  kp_employee_set_position_id (budi, 4242);
  g_assert_cmpint (kp_register_save_employee (f->db, budi, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_NOT_FOUND, NULL);
}

static void
test_employee_supervisor_loop (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) head = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) ahmad = NULL;
  g_autoptr(KpEmployee) edited = NULL;
  g_autoptr(KpEmployee) stored = NULL;
  Org org;
  gint64 head_id, siti_id, ahmad_id;

  make_org (f, &org);
  head = new_employee (NIP_HEAD, "Bambang Purnomo", "L", "1966-02-04", "IV/c", org.head_position);
  head_id = save_ok (f->db, head);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", org.staff_position);
  kp_employee_set_supervisor_id (siti, head_id);
  siti_id = save_ok (f->db, siti);
  ahmad = new_employee (NIP_AHMAD, "Ahmad Fauzi", "L", "1986-08-14", "III/c", org.staff_position);
  kp_employee_set_supervisor_id (ahmad, siti_id);
  ahmad_id = save_ok (f->db, ahmad);

  /* The head under Ahmad: head -> Ahmad -> Siti -> head. */
  stored = kp_register_find_employee (f->db, NIP_HEAD);
  edited = kp_employee_copy (stored);
  kp_employee_set_supervisor_id (edited, ahmad_id);
  g_assert_cmpint (kp_register_save_employee (f->db, edited, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_CYCLE, NULL);
  g_clear_error (&error);
  /* Their own supervisor. */
  kp_employee_set_supervisor_id (edited, head_id);
  g_assert_cmpint (kp_register_save_employee (f->db, edited, &error), ==, 0);
  assert_error_mentions (error, KP_MODEL_ERROR_CYCLE, NULL);
  g_clear_error (&error);

  g_clear_object (&stored);
  stored = kp_register_find_employee (f->db, NIP_HEAD);
  g_assert_cmpint (kp_employee_get_supervisor_id (stored), ==, 0);

  /* Deleting Siti leaves Ahmad without a supervisor, not without a record. */
  g_assert_true (kp_register_delete_employee (f->db, siti_id, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kp_register_find_employee (f->db, NIP_AHMAD);
  g_assert_cmpint (kp_employee_get_supervisor_id (stored), ==, 0);
  g_assert_cmpstr (kp_employee_get_supervisor_name (stored), ==, "");
}

static void
test_employee_warnings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  Org org;

  make_org (f, &org);

  /* A NIP of a woman (digit 2) with sex L: a warning, not a refusal. */
  siti = new_employee (NIP_SITI, "Siti Aminah", "L", "1968-10-30", "IV/a", org.staff_position);
  g_assert_true (kp_register_check_employee (f->db, siti, &warnings, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, 0), -1, NULL));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* And a birth date that differs from the NIP's: two warnings, the second naming that date. */
  kp_employee_set_birth_date (siti, "1968-10-31");
  g_assert_true (kp_register_check_employee (f->db, siti, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "1968-10-30"));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Consistent: none. */
  kp_employee_set_sex (siti, "P");
  kp_employee_set_birth_date (siti, "1968-10-30");
  g_assert_true (kp_register_check_employee (f->db, siti, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);

  /* Checking writes nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (f->db)), ==, 0);
  g_assert_cmpint (kp_employee_get_id (siti), ==, 0);
}

/* A form marks each field at fault: every problem comes with its field. */
static gboolean
has_problem (GPtrArray *problems, KpEmployeeField field, gboolean warning)
{
  for (guint i = 0; i < problems->len; i++)
    {
      KpFieldProblem *problem = g_ptr_array_index (problems, i);

      if (problem->field == field && problem->warning == warning)
        {
          g_assert_true (problem->message != NULL && *problem->message != '\0');
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_employee_validate_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) other = NULL;
  Org org;

  make_org (f, &org);

  /* Everything wrong at once: each field named. */
  siti = new_employee ("19681030199308212", "", "X", "1990-02-31", "V/z", 0);
  g_assert_false (kp_register_validate_employee (f->db, siti, &problems));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_NIP, FALSE));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_NAME, FALSE));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_SEX, FALSE));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_BIRTH_DATE, FALSE));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_GRADE, FALSE));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_POSITION, FALSE));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Valid but for a sex that disagrees with the NIP: saving is allowed, the sex is warned. */
  kp_employee_set_nip (siti, NIP_SITI);
  kp_employee_set_name (siti, "Siti Aminah");
  kp_employee_set_sex (siti, "L");
  kp_employee_set_birth_date (siti, "1968-10-30");
  kp_employee_set_grade (siti, "IV/a");
  kp_employee_set_position_id (siti, org.staff_position);
  g_assert_true (kp_register_validate_employee (f->db, siti, &problems));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_SEX, TRUE));
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  save_ok (f->db, siti);

  /* Another record with the same NIP: the NIP field says who has it. */
  other = new_employee (NIP_SITI, "Siti Lain", "P", "1968-10-30", "III/a", org.staff_position);
  g_assert_false (kp_register_validate_employee (f->db, other, &problems));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_NIP, FALSE));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((KpFieldProblem *) g_ptr_array_index (problems, 0))->message,
                            "Siti Aminah"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Their own supervisor: the supervisor field. */
  kp_employee_set_supervisor_id (siti, kp_employee_get_id (siti));
  g_assert_false (kp_register_validate_employee (f->db, siti, &problems));
  g_assert_true (has_problem (problems, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP, FALSE));
}

/* ---- the stores ------------------------------------------------------------------------------- */

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  g_string_append_printf (f->log, "(%u,%u,%u)", position, removed, added);
}

static void
test_employee_store (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) head = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) ahmad = NULL;
  g_autoptr(KpEmployee) budi = NULL;
  GListModel *employees = kp_database_get_employees (f->db);
  Org org;
  gint64 head_id, siti_id, ahmad_id;

  g_assert_true (g_list_model_get_item_type (employees) == KP_TYPE_EMPLOYEE);
  make_org (f, &org);
  g_signal_connect (employees, "items-changed", G_CALLBACK (on_items_changed), f);

  head = new_employee (NIP_HEAD, "Bambang Purnomo", "L", "1966-02-04", "IV/c", org.head_position);
  head_id = save_ok (f->db, head);
  g_assert_cmpstr (f->log->str, ==, "(0,0,1)");
  g_string_truncate (f->log, 0);

  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", org.staff_position);
  kp_employee_set_supervisor_id (siti, head_id);
  siti_id = save_ok (f->db, siti);
  ahmad = new_employee (NIP_AHMAD, "Ahmad Fauzi", "L", "1986-08-14", "III/c", org.staff_position);
  kp_employee_set_supervisor_id (ahmad, head_id);
  ahmad_id = save_ok (f->db, ahmad);
  /* A new employee: one signal each, appended. */
  g_assert_cmpstr (f->log->str, ==, "(1,0,1)(2,0,1)");
  g_string_truncate (f->log, 0);
  {
    g_autoptr(KpEmployee) item = g_list_model_get_item (employees, 1);

    g_assert_cmpint (kp_employee_get_id (item), ==, siti_id);
    g_assert_cmpstr (kp_employee_get_unit_name (item), ==, "Dinas Kesehatan");
    g_assert_cmpstr (kp_employee_get_position_title (item), ==, "Pranata Komputer Ahli Muda");
    g_assert_cmpstr (kp_employee_get_supervisor_name (item), ==, "Bambang Purnomo");
  }

  /* An update of someone without subordinates: that row, replaced. */
  {
    g_autoptr(KpEmployee) item = g_list_model_get_item (employees, 1);
    g_autoptr(KpEmployee) edited = kp_employee_copy (item);

    kp_employee_set_name (edited, "Dra. Siti Aminah, M.Si.");
    kp_employee_set_position_id (edited, org.head_position);
    g_assert_cmpint (save_ok (f->db, edited), ==, siti_id);
  }
  g_assert_cmpstr (f->log->str, ==, "(1,1,1)");
  g_string_truncate (f->log, 0);
  {
    g_autoptr(KpEmployee) item = g_list_model_get_item (employees, 1);

    g_assert_cmpstr (kp_employee_get_name (item), ==, "Dra. Siti Aminah, M.Si.");
    g_assert_cmpstr (kp_employee_get_position_title (item), ==, "Kepala Dinas Kesehatan");
    g_assert_cmpint (kp_employee_get_kind (item), ==, KP_POSITION_KIND_JPT_PRATAMA);
  }

  /* Saving an unchanged copy: nothing. */
  {
    g_autoptr(KpEmployee) item = g_list_model_get_item (employees, 2);
    g_autoptr(KpEmployee) copy = kp_employee_copy (item);

    save_ok (f->db, copy);
  }
  g_assert_cmpstr (f->log->str, ==, "");

  /* Renaming the head changes what the subordinates' rows show: still one signal. */
  {
    g_autoptr(KpEmployee) item = g_list_model_get_item (employees, 0);
    g_autoptr(KpEmployee) edited = kp_employee_copy (item);

    kp_employee_set_name (edited, "Drs. Bambang Purnomo, M.Si.");
    save_ok (f->db, edited);
  }
  g_assert_cmpstr (f->log->str, ==, "(0,3,3)");
  g_string_truncate (f->log, 0);
  {
    g_autoptr(KpEmployee) item = g_list_model_get_item (employees, 2);

    g_assert_cmpint (kp_employee_get_id (item), ==, ahmad_id);
    g_assert_cmpstr (kp_employee_get_supervisor_name (item), ==, "Drs. Bambang Purnomo, M.Si.");
  }

  /* A delete: that row, removed. */
  g_assert_true (kp_register_delete_employee (f->db, siti_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->log->str, ==, "(1,1,0)");
  g_string_truncate (f->log, 0);
  g_assert_cmpuint (g_list_model_get_n_items (employees), ==, 2);

  /* A failed save: nothing. */
  budi = new_employee (NIP_AHMAD, "Budi Santoso", "L", "1990-01-01", "III/a", org.staff_position);
  g_assert_cmpint (kp_register_save_employee (f->db, budi, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  g_assert_cmpstr (f->log->str, ==, "");

  g_signal_handlers_disconnect_by_func (employees, on_items_changed, f);
}

static void
test_count_by_unit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) counts = NULL;
  const char *const nips[] = { NIP_SITI, NIP_AHMAD, NIP_RINA };
  const char *const births[] = { "1968-10-30", "1986-08-14", "1992-03-15" };
  const char *const sexes[] = { "P", "L", "P" };
  gint64 dinas, puskesmas, empty, nurse, auditor;

  dinas = add_unit (f->db, "Dinas Kesehatan", 0);
  puskesmas = add_unit (f->db, "Puskesmas Kalianda", dinas);
  empty = add_unit (f->db, "Bappeda", 0);
  nurse = add_position (f->db, puskesmas, "Perawat Terampil", KP_POSITION_KIND_TERAMPIL);
  auditor = add_position (f->db, dinas, "Auditor Ahli Muda", KP_POSITION_KIND_AHLI_MUDA);
  for (guint i = 0; i < G_N_ELEMENTS (nips); i++)
    {
      g_autoptr(KpEmployee) e = new_employee (nips[i], "Pegawai", sexes[i], births[i], "III/a",
                                              i == 0 ? auditor : nurse);
      save_ok (f->db, e);
    }

  g_assert_true (kp_register_count_by_unit (f->db, 0, FALSE, &names, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Puskesmas Kalianda");
  g_assert_cmpint (g_array_index (counts, gint64, 0), ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Dinas Kesehatan");
  g_assert_cmpint (g_array_index (counts, gint64, 1), ==, 1);
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_pointer (&counts, g_array_unref);

  g_assert_true (kp_register_count_by_unit (f->db, 0, TRUE, &names, &counts, &error));
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "Bappeda");
  g_assert_cmpint (g_array_index (counts, gint64, 2), ==, 0);
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_pointer (&counts, g_array_unref);

  /* One unit with its sub-units. */
  g_assert_true (kp_register_count_by_unit (f->db, dinas, TRUE, &names, &counts, &error));
  g_assert_cmpuint (names->len, ==, 2);
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_pointer (&counts, g_array_unref);
  g_assert_true (kp_register_count_by_unit (f->db, empty, TRUE, &names, &counts, &error));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpint (g_array_index (counts, gint64, 0), ==, 0);
}

/* Callers may pass no GError (a script that only wants the result): refusals still return. */
static void
test_null_error (Fixture *f, gconstpointer data)
{
  gint64 dinas = add_unit (f->db, "Dinas Kesehatan", 0);
  gint64 sosial = add_unit (f->db, "Dinas Sosial", 0);

  add_position (f->db, dinas, "Sekretaris", KP_POSITION_KIND_ADMINISTRATOR);
  g_assert_cmpint (kp_register_add_unit (f->db, "Dinas Kesehatan", 0, NULL), ==, 0);
  g_assert_false (kp_register_rename_unit (f->db, sosial, "Dinas Kesehatan", NULL));
  g_assert_cmpint (kp_register_add_position (f->db, dinas, "Sekretaris",
                                             KP_POSITION_KIND_ADMINISTRATOR, NULL), ==, 0);
  g_assert_false (kp_register_move_unit (f->db, dinas, dinas, NULL));
  g_assert_false (kp_register_delete_unit (f->db, dinas, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (f->db)), ==, 2);
}

/* Another connection (a worker thread's import) changed the file: a refresh shows it, with one
 * items-changed per store. */
static void
on_refreshed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  g_assert_true (kp_database_refresh_finish (KP_DATABASE (source), result, error));
}

static void
count_signal (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

static void
test_refresh_from_other_connection (Fixture *f, gconstpointer data)
{
  g_autoptr(KpDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  GListModel *employees = kp_database_get_employees (f->db);
  GListModel *log = kp_database_get_audit_log (f->db);
  guint signals = 0;
  guint events;
  Org org;

  make_org (f, &org);
  events = g_list_model_get_n_items (log);
  other = kp_database_open (kp_database_get_path (f->db), &error);
  g_assert_no_error (error);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", org.staff_position);
  save_ok (other, siti);
  /* Not seen yet: the stores are snapshots of this connection's changes. */
  g_assert_cmpuint (g_list_model_get_n_items (employees), ==, 0);

  g_signal_connect (employees, "items-changed", G_CALLBACK (count_signal), &signals);
  kp_database_refresh_async (f->db, NULL, on_refreshed, &error);
  while (signals == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (employees), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, events + 1);
  g_signal_handlers_disconnect_by_func (employees, count_signal, &signals);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/register/unit/add-rename", test_unit_add_rename);
  ADD ("/register/unit/move", test_unit_move);
  ADD ("/register/unit/delete", test_unit_delete);
  ADD ("/register/position", test_positions);
  ADD ("/register/employee/save", test_employee_save);
  ADD ("/register/employee/no-position", test_employee_no_position);
  ADD ("/register/employee/supervisor-loop", test_employee_supervisor_loop);
  ADD ("/register/employee/warnings", test_employee_warnings);
  ADD ("/register/employee/validate-fields", test_employee_validate_fields);
  ADD ("/register/employee/store", test_employee_store);
  ADD ("/register/count-by-unit", test_count_by_unit);
  ADD ("/register/refresh-from-other-connection", test_refresh_from_other_connection);
  ADD ("/register/null-error", test_null_error);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (invalid_employees); i++)
    {
      g_autofree char *path = g_strdup_printf ("/register/employee/invalid/%s",
                                               invalid_employees[i].name);

      g_test_add (path, Fixture, &invalid_employees[i], fixture_set_up, test_employee_invalid,
                  fixture_tear_down);
    }

  return g_test_run ();
}
