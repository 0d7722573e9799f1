/* test-error-quarks.c: every error domain is registered under its intended name (a
 * GError's domain shows in logs and is how g_error_matches() tells errors apart across
 * libraries)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-engine.h"
#include "crk-export.h"
#include "crk-io-error.h"
#include "crk-report.h"

static void
test_names (void)
{
  g_assert_cmpstr (g_quark_to_string (CRK_IMPORT_ERROR), ==, "crk-import-error-quark");
  g_assert_cmpstr (g_quark_to_string (CRK_ENGINE_ERROR), ==, "crk-engine-error-quark");
  g_assert_cmpstr (g_quark_to_string (CRK_EXPORT_ERROR), ==, "crk-export-error-quark");
  g_assert_cmpstr (g_quark_to_string (CRK_REPORT_ERROR), ==, "crk-report-error-quark");
  /* and the name finds the domain */
  g_assert_cmpuint (g_quark_try_string ("crk-import-error-quark"), ==, CRK_IMPORT_ERROR);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/error-quarks/names", test_names);
  return g_test_run ();
}
