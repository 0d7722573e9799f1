/* crk-test-grids.c: small files that declare large grids, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crk-test-grids.h"

void
crk_test_grid_value_at (guint n_cities,
                        guint n_indicators,
                        guint n_years,
                        guint *city,
                        guint *indicator,
                        guint *year_index)
{
  *city = n_cities / 2;
  *indicator = n_indicators / 3;
  *year_index = n_years > 0 ? n_years - 1 : 0;
}

gboolean
crk_test_write_grid (const char *path,
                     guint n_cities,
                     guint n_indicators,
                     guint n_years,
                     CrkTestGridValues values,
                     GError **error)
{
  g_autoptr (GString) doc =
    g_string_sized_new (80 * (gsize) (n_cities + n_indicators) + 8 * n_years + 1024);
  guint city, indicator, year_index;

  g_return_val_if_fail (n_cities > 0 && n_indicators > 0 && n_years > 0, FALSE);
  g_return_val_if_fail (CRK_TEST_GRID_FIRST_YEAR + n_years - 1 <= 9999, FALSE);

  g_string_append (doc,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
                   "<metadata>\n<title>Declared grid</title>\n<years>");
  for (guint y = 0; y < n_years; y++)
    g_string_append_printf (doc, "%s%u", y == 0 ? "" : " ", CRK_TEST_GRID_FIRST_YEAR + y);
  g_string_append (doc, "</years>\n</metadata>\n<cities>\n");
  for (guint c = 0; c < n_cities; c++)
    g_string_append_printf (doc, "<city code=\"C%u\"/>\n", c);
  g_string_append (doc, "</cities>\n<indicators>\n");
  for (guint i = 0; i < n_indicators; i++)
    g_string_append_printf (doc, "<indicator code=\"I%u\"/>\n", i);
  g_string_append (doc, "</indicators>\n<framework>\n<node code=\"INDEX\">\n");
  for (guint i = 0; i < n_indicators; i++)
    g_string_append_printf (doc, "<indicator-ref code=\"I%u\"/>\n", i);
  g_string_append (doc, "</node>\n</framework>\n");

  switch (values)
    {
      case CRK_TEST_GRID_ONE_VALUE:
      case CRK_TEST_GRID_UNKNOWN_ELEMENT:
        crk_test_grid_value_at (n_cities, n_indicators, n_years, &city, &indicator, &year_index);
        g_string_append_printf (doc,
                                "<values>\n<city code=\"C%u\">\n<year value=\"%u\">\n"
                                "<v i=\"I%u\">%g</v>\n</year>\n</city>\n</values>\n",
                                city, CRK_TEST_GRID_FIRST_YEAR + year_index, indicator,
                                CRK_TEST_GRID_VALUE);
        if (values == CRK_TEST_GRID_UNKNOWN_ELEMENT)
          g_string_append (doc, "<unknown/>\n");
        break;
      case CRK_TEST_GRID_EMPTY_VALUES:
        g_string_append (doc, "<values/>\n");
        break;
      case CRK_TEST_GRID_NO_VALUES:
      default:
        break;
    }
  g_string_append (doc, "</dataset>\n");
  return g_file_set_contents (path, doc->str, doc->len, error);
}

double
crk_test_csv_value (guint row, guint indicator)
{
  /* Exact in binary and short in decimal: 0.25 steps. */
  return (row % 1000) + 0.25 * (indicator + 1);
}

gboolean
crk_test_write_csv_pair (const char *data_path,
                         const char *meta_path,
                         guint n_rows,
                         guint n_indicators,
                         GError **error)
{
  g_autoptr (GString) data = g_string_sized_new (48 * (gsize) n_rows + 256);
  g_autoptr (GString) meta = g_string_new ("iCode,iName,Type,Level,Parent,Weight,Direction\n");

  g_return_val_if_fail (n_rows > 0 && n_rows <= CRK_TEST_CSV_MAX_ROWS && n_indicators > 0, FALSE);

  g_string_append (data, "uCode,uName,Time");
  for (guint i = 0; i < n_indicators; i++)
    {
      g_string_append_printf (data, ",I%u", i + 1);
      g_string_append_printf (meta, "I%u,Indicator %u,Indicator,1,Index,1,1\n", i + 1, i + 1);
    }
  g_string_append (data, "\n");
  g_string_append (meta, "Index,Index,Aggregate,2,,,1\n");
  for (guint r = 0; r < n_rows; r++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (data, "C%u,City %u,%u", r, r, CRK_TEST_CSV_FIRST_YEAR + r);
      for (guint i = 0; i < n_indicators; i++)
        {
          g_ascii_dtostr (number, sizeof number, crk_test_csv_value (r, i));
          g_string_append_c (data, ',');
          g_string_append (data, number);
        }
      g_string_append_c (data, '\n');
    }
  return g_file_set_contents (data_path, data->str, data->len, error) &&
    g_file_set_contents (meta_path, meta->str, meta->len, error);
}

guint64
crk_test_peak_bytes (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (p = strstr (status, "VmHWM:")) != NULL)
    return (guint64) g_ascii_strtoull (p + strlen ("VmHWM:"), NULL, 10) * 1024;
  return 0;
}

guint64
crk_test_reset_peak (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);

  if (fd >= 0)
    {
      if (write (fd, "5", 1) != 1)
        {
          /* Not allowed (old kernel, or a restricted /proc): keep the peak so far. */
        }
      close (fd);
    }
  return crk_test_peak_bytes ();
}
