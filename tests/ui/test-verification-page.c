/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-verification-page.c: the verification tab with four eyes, over a real database with a
 * selection of registrants. Verifier Ani marks one registrant TMS through the dialog (an empty
 * note refused inside it) and the rest MS in bulk after a confirmation that names the count;
 * the TMS and exactly the sampled MS decisions then wait in Budi's queue and not in Ani's; Ani
 * trying a second check is refused in the model's words; Budi disagrees on one, which then
 * waits for a third person only, until Citra resolves it; the bar shows each verifier's
 * agreement. Each step is checked in the database too. */

#include "config.h"

#include <string.h>

#include "kp-verification-page-private.h"

#include "recruitment-ui-test.h"

#define N_REGISTRANTS 20
#define SAMPLE_PERCENT 30
#define SAMPLE_SEED 7

typedef struct {
  RecruitmentUiFixture ui;
  KpVerificationPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->page = KP_VERIFICATION_PAGE (kp_verification_page_new ());
  recruitment_ui_set_up (&fixture->ui, GTK_WIDGET (fixture->page), N_REGISTRANTS, SAMPLE_PERCENT,
                         SAMPLE_SEED, 900, 700);
  ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  recruitment_ui_tear_down (&fixture->ui);
}

static GtkWidget *
widget (Fixture    *fixture,
        const char *id)
{
  return recruitment_ui_get_widget (fixture->page, id);
}

/* Types @name as the verifier and presses Enter. */
static void
be (Fixture    *fixture,
    const char *name)
{
  GtkWidget *entry = widget (fixture, "verifier_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "activate");
  ui_test_settle ();
  g_assert_cmpstr (kp_verification_page_get_verifier (fixture->page), ==, name);
}

static void
click (Fixture    *fixture,
       const char *id)
{
  GtkWidget *button = widget (fixture, id);

  g_assert_true (gtk_widget_get_sensitive (button));
  /* "clicked", not gtk_widget_activate (): a button activated by the keyboard clicks only
   * after its pressed look has shown for a while. */
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
}

static guint
queue_position (Fixture    *fixture,
                const char *reg_no)
{
  g_auto(GStrv) reg_nos = _kp_verification_page_queue_reg_nos (fixture->page);

  for (guint i = 0; reg_nos[i] != NULL; i++)
    if (g_str_equal (reg_nos[i], reg_no))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
choose (Fixture    *fixture,
        const char *reg_no)
{
  guint position = queue_position (fixture, reg_no);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  _kp_verification_page_select_row (fixture->page, position);
  ui_test_settle ();
  g_assert_true (ui_test_shows_text (widget (fixture, "detail_title"), reg_no));
}

/* TMS through the dialog: requirement @position (0-based, as listed), @note. */
static void
mark_tms (Fixture    *fixture,
          guint       requirement,
          const char *note)
{
  GtkWidget *dialog;

  click (fixture, "tms_button");
  dialog = widget (fixture, "tms_dialog");
  g_assert_true (gtk_widget_get_visible (dialog));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (fixture, "requirement_drop_down")),
                              requirement);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget (fixture,
                                                                             "note_view"))),
                            note, -1);
  click (fixture, "tms_confirm_button");
}

/* Whether the label @id is on screen and its text holds @part (its markup, for bold parts). */
static gboolean
label_contains (Fixture    *fixture,
                const char *id,
                const char *part)
{
  GtkWidget *label = widget (fixture, id);

  return gtk_widget_get_mapped (label)
         && strstr (gtk_label_get_label (GTK_LABEL (label)), part) != NULL;
}

static KpVerificationCase *
get_case (Fixture *fixture,
          guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = kp_verification_list (fixture->ui.database,
                                                     fixture->ui.recruitment.selection, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      KpVerificationCase *vcase = g_ptr_array_index (cases, i);

      if (vcase->applicant_id == fixture->ui.recruitment.applicants[index])
        return g_ptr_array_steal_index (cases, i);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
queue_is (Fixture    *fixture,
          GPtrArray  *expected)
{
  g_auto(GStrv) reg_nos = _kp_verification_page_queue_reg_nos (fixture->page);

  if (g_strv_length (reg_nos) != expected->len)
    return FALSE;
  for (guint i = 0; i < expected->len; i++)
    if (!g_strv_contains ((const char *const *) reg_nos, g_ptr_array_index (expected, i)))
      return FALSE;
  return TRUE;
}

/* ---- the tests --------------------------------------------------------------------------- */

static void
test_four_eyes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *tms_reg_no = fixture_reg_no (0);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KpVerificationCase) tms_case = NULL;
  g_autoptr(KpVerificationCase) checked = NULL;
  g_autofree char *agreement = NULL;
  AdwMessageDialog *bulk;
  GtkWidget *error_label;
  guint n_sampled = 0;

  /* Ani's queue: everyone, waiting for a first decision. */
  be (fixture, "Ani");
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, N_REGISTRANTS);

  /* TMS for the first, through the dialog: a blank note is refused inside it. */
  choose (fixture, tms_reg_no);
  g_assert_true (ui_test_shows_text (widget (fixture, "rounds_label"), "No decision yet."));
  mark_tms (fixture, 1, "   ");
  g_assert_true (gtk_widget_get_visible (widget (fixture, "tms_dialog")));
  g_assert_true (gtk_widget_get_visible (widget (fixture, "tms_error_label")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget (fixture, "tms_error_label"))), ==,
                   "Registrant 20270000001: A TMS decision needs a note saying what is missing");
  mark_tms (fixture, 1, "Ijazah tidak dilegalisir");
  g_assert_false (gtk_widget_get_visible (widget (fixture, "tms_dialog")));
  tms_case = get_case (fixture, 0);
  g_assert_cmpint (tms_case->rounds[0].decision, ==, KP_DECISION_TMS);
  g_assert_cmpstr (tms_case->rounds[0].verifier, ==, "Ani");
  g_assert_cmpint (tms_case->rounds[0].requirement_id, ==, fixture->ui.recruitment.requirements[1]);
  g_assert_cmpstr (tms_case->rounds[0].note, ==, "Ijazah tidak dilegalisir");
  g_assert_cmpuint (queue_position (fixture, tms_reg_no), ==, GTK_INVALID_LIST_POSITION);

  /* The rest MS in bulk, every formasi, flags or not: the confirmation names the count. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget (fixture, "bulk_no_flags_check")),
                               FALSE);
  click (fixture, "bulk_button");
  bulk = _kp_verification_page_get_bulk_dialog (fixture->page);
  g_assert_nonnull (bulk);
  g_assert_cmpstr (adw_message_dialog_get_heading (bulk), ==, "Mark 19 Registrants as MS?");
  adw_message_dialog_response (bulk, "mark");
  gtk_window_destroy (GTK_WINDOW (bulk));
  ui_test_settle ();

  /* Ani has nothing left: her own decisions are never her second checks. */
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, 0);

  /* What Budi must check: the TMS and exactly the sampled MS decisions. */
  g_ptr_array_add (second, g_strdup (tms_reg_no));
  for (guint i = 1; i < N_REGISTRANTS; i++)
    {
      g_autofree char *reg_no = fixture_reg_no (i);

      if (kp_verification_sampled (SAMPLE_SEED, SAMPLE_PERCENT, reg_no))
        {
          g_ptr_array_add (second, g_steal_pointer (&reg_no));
          n_sampled++;
        }
    }
  g_assert_cmpuint (n_sampled, >, 0);
  g_assert_cmpuint (n_sampled, <, N_REGISTRANTS - 1);

  /* Ani cannot do a second check herself: the model refuses, in its words, on screen. */
  _kp_verification_page_show_case (fixture->page, fixture->ui.recruitment.applicants[0]);
  ui_test_settle ();
  g_assert_true (label_contains (fixture, "rounds_label", "TMS</b> by Ani"));
  click (fixture, "ms_button");
  error_label = widget (fixture, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "second verifier"));
  checked = get_case (fixture, 0);
  g_assert_cmpint (checked->state, ==, KP_VERIFICATION_AWAITING_SECOND);
  g_assert_cmpint (checked->rounds[1].decision, ==, KP_DECISION_NONE);
  g_clear_pointer (&checked, kp_verification_case_free);

  /* Budi's queue is exactly those. He finds the TMS one meets the requirements after all. */
  be (fixture, "Budi");
  g_assert_true (queue_is (fixture, second));
  choose (fixture, tms_reg_no);
  g_assert_true (label_contains (fixture, "rounds_label", "TMS</b> by Ani"));
  click (fixture, "ms_button");
  g_assert_false (gtk_widget_get_visible (widget (fixture, "error_label")));
  checked = get_case (fixture, 0);
  g_assert_cmpint (checked->state, ==, KP_VERIFICATION_DISAGREEMENT);
  g_clear_pointer (&checked, kp_verification_case_free);
  /* … and agrees with every sampled MS. */
  for (guint i = 1; i < second->len; i++)
    {
      choose (fixture, g_ptr_array_index (second, i));
      click (fixture, "ms_button");
    }
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, 0);

  /* The disagreement waits for a third person: not for Ani nor Budi, but for Citra. */
  be (fixture, "Ani");
  g_assert_cmpuint (queue_position (fixture, tms_reg_no), ==, GTK_INVALID_LIST_POSITION);
  be (fixture, "Citra");
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, 1);
  choose (fixture, tms_reg_no);
  g_assert_true (ui_test_shows_text (widget (fixture, "queue_view"), "Disagreement"));
  g_assert_true (ui_test_shows_text (widget (fixture, "summary_label"),
                                     "20 registrants: 0 undecided, 0 awaiting a second check, "
                                     "1 disagreements, 19 decided (19 MS, 0 TMS)"));
  mark_tms (fixture, 1, "Ijazah tidak dilegalisir, dicek ulang dengan aslinya");
  checked = get_case (fixture, 0);
  g_assert_cmpint (checked->state, ==, KP_VERIFICATION_DECIDED);
  g_assert_cmpstr (checked->rounds[2].verifier, ==, "Citra");
  g_assert_cmpint (checked->final->decision, ==, KP_DECISION_TMS);
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, 0);

  /* The bar: the counts, and Ani's agreement with the second checks. */
  g_assert_true (ui_test_shows_text (widget (fixture, "summary_label"),
                                     "20 registrants: 0 undecided, 0 awaiting a second check, "
                                     "0 disagreements, 20 decided (19 MS, 1 TMS)"));
  agreement = g_strdup_printf ("Ani: %u of %u agreed (%u %%)", n_sampled, n_sampled + 1,
                               n_sampled * 100 / (n_sampled + 1));
  g_assert_true (ui_test_shows_text (widget (fixture, "agreement_list"), agreement));
}

/* The bulk marking's filter: a formasi, and only registrants without flags. */
static void
test_bulk_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwMessageDialog *bulk;
  GtkDropDown *formasi = NULL;
  guint expected = 0;

  be (fixture, "Ani");
  formasi = GTK_DROP_DOWN (widget (fixture, "bulk_formasi_drop_down"));
  gtk_drop_down_set_selected (formasi, ui_test_find_choice (formasi, "F0002"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget (fixture,
                                                                        "bulk_no_flags_check"))));
  /* The fixture's formasi F0002 takes odd indices; index 4k+1 has an education mismatch. */
  for (guint i = 1; i < N_REGISTRANTS; i += 2)
    if (i % 4 != 1)
      expected++;

  click (fixture, "bulk_button");
  bulk = _kp_verification_page_get_bulk_dialog (fixture->page);
  g_assert_nonnull (bulk);
  {
    g_autofree char *heading = g_strdup_printf ("Mark %u Registrants as MS?", expected);

    g_assert_cmpstr (adw_message_dialog_get_heading (bulk), ==, heading);
  }
  /* Cancelled: nothing is written. */
  adw_message_dialog_response (bulk, "cancel");
  gtk_window_destroy (GTK_WINDOW (bulk));
  ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, N_REGISTRANTS);

  click (fixture, "bulk_button");
  bulk = _kp_verification_page_get_bulk_dialog (fixture->page);
  adw_message_dialog_response (bulk, "mark");
  gtk_window_destroy (GTK_WINDOW (bulk));
  ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (_kp_verification_page_get_queue (fixture->page)),
                    ==, N_REGISTRANTS - expected);
  for (guint i = 0; i < N_REGISTRANTS; i++)
    {
      g_autoptr(KpVerificationCase) vcase = get_case (fixture, i);
      gboolean marked = i % 2 == 1 && i % 4 != 1;

      g_assert_cmpint (vcase->rounds[0].decision, ==, marked ? KP_DECISION_MS : KP_DECISION_NONE);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/verification-page/four-eyes", Fixture, NULL,
              fixture_set_up, test_four_eyes, fixture_tear_down);
  g_test_add ("/ui/verification-page/bulk-filter", Fixture, NULL,
              fixture_set_up, test_bulk_filter, fixture_tear_down);

  return g_test_run ();
}
