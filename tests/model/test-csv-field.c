/* test-csv-field.c: one CSV field as every CSV of the project writes it (RFC 4180 quoting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-csv-field.h"

static void
assert_field (const char *text, const char *expected)
{
  g_autoptr (GString) out = g_string_new ("x,");

  crk_csv_append_field (out, text);
  /* appended after what is there */
  g_assert_true (g_str_has_prefix (out->str, "x,"));
  g_assert_cmpstr (out->str + 2, ==, expected);
}

static void
test_plain (void)
{
  assert_field ("", "");
  assert_field ("Shenzhen", "Shenzhen");
  assert_field ("深圳 Shenzhen", "深圳 Shenzhen");
  assert_field ("  spaces kept  ", "  spaces kept  ");
  assert_field ("tab\there", "tab\there");
  assert_field ("semicolon;stays", "semicolon;stays");
  assert_field ("it's", "it's");
  assert_field ("12.5", "12.5");
  /* NULL: an empty field */
  assert_field (NULL, "");
}

static void
test_quoted (void)
{
  assert_field ("Huai'an, Jiangsu", "\"Huai'an, Jiangsu\"");
  assert_field (",", "\",\"");
  assert_field ("say \"hi\"", "\"say \"\"hi\"\"\"");
  assert_field ("\"", "\"\"\"\"");
  assert_field ("two\nlines", "\"two\nlines\"");
  assert_field ("crlf\r\nend", "\"crlf\r\nend\"");
  assert_field ("cr\ronly", "\"cr\ronly\"");
  assert_field ("all \", \n", "\"all \"\", \n\"");
}

/* The project does not guard cells that start like a formula: they are written as they
 * are (quoted only for the characters above), the same as before the helper. */
static void
test_formula_like (void)
{
  assert_field ("=SUM(A1:A2)", "=SUM(A1:A2)");
  assert_field ("+1", "+1");
  assert_field ("-3", "-3");
  assert_field ("@home", "@home");
  assert_field ("=A1,B1", "\"=A1,B1\"");
}

/* A row of fields reads back as the same fields (GLib has no CSV reader: a small one). */
static GPtrArray *
read_row (const char *row)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = row;; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        {
          g_string_append_c (field, '"');
          p++;
        }
      else if (*p == '"' && (quoted || field->len == 0))
        quoted = !quoted;
      else if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  return fields;
}

static void
test_round_trip (void)
{
  const char *texts[] = {"a", "", "b,c", "\"q\"", "line\nbreak", "=1+2", "末尾,\"混合\"\r\n"};
  g_autoptr (GString) row = g_string_new (NULL);
  g_autoptr (GPtrArray) fields = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (i > 0)
        g_string_append_c (row, ',');
      crk_csv_append_field (row, texts[i]);
    }
  fields = read_row (row->str);
  g_assert_cmpuint (fields->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (g_ptr_array_index (fields, i), ==, texts[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv-field/plain", test_plain);
  g_test_add_func ("/csv-field/quoted", test_quoted);
  g_test_add_func ("/csv-field/formula-like", test_formula_like);
  g_test_add_func ("/csv-field/round-trip", test_round_trip);
  return g_test_run ();
}
