/* crk-dataset-reader-text.c: attributes, text content and numbers, as the native reader
 * reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-reader-private.h"

void
_crk_reader_check_length (Reader *r, gsize length)
{
  if (length > CRK_DATASET_MAX_TEXT_LENGTH)
    _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
                             _ ("a text or attribute is longer than %d bytes; refusing the file"),
                             CRK_DATASET_MAX_TEXT_LENGTH);
}

/* Reads the attributes named in @names (no namespace; "xml:lang" for the XML one) into
 * @values (NULL when absent; valid until the next call). */
void
_crk_reader_read_attributes (Reader *r, const char *const *names, const char **values)
{
  guint n = g_strv_length ((char **) names);

  g_assert (n <= G_N_ELEMENTS (r->slots));
  for (guint i = 0; i < n; i++)
    values[i] = NULL;

  if (xmlTextReaderMoveToFirstAttribute (r->reader) != 1)
    return;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (r->reader);
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
      gboolean xml_ns = ns != NULL && strcmp (ns, (const char *) XML_XML_NAMESPACE) == 0;

      if (local == NULL || (ns != NULL && *ns != '\0' && !xml_ns))
        continue;
      for (guint i = 0; i < n; i++)
        {
          gboolean match = xml_ns
            ? (g_str_has_prefix (names[i], "xml:") && strcmp (names[i] + 4, local) == 0)
            : strcmp (names[i], local) == 0;

          if (match)
            {
              const char *value = (const char *) xmlTextReaderConstValue (r->reader);
              gsize len = value != NULL ? strlen (value) : 0;

              _crk_reader_check_length (r, len);
              g_string_truncate (r->slots[i], 0);
              g_string_append_len (r->slots[i], value != NULL ? value : "", len);
              values[i] = r->slots[i]->str;
              break;
            }
        }
    }
  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1);
  xmlTextReaderMoveToElement (r->reader);
}

const char *
_crk_reader_read_attribute (Reader *r, const char *name)
{
  const char *names[] = {name, NULL};
  const char *value;

  _crk_reader_read_attributes (r, names, &value);
  return value;
}

/* The text content, without leading and trailing white space; NULL when empty. */
const char *
_crk_reader_text_value (Reader *r)
{
  char *s = r->text->str;
  gsize len = r->text->len;

  while (len > 0 && g_ascii_isspace (s[len - 1]))
    s[--len] = '\0';
  r->text->len = len;
  while (g_ascii_isspace (*s))
    s++;
  return *s != '\0' ? s : NULL;
}

/* Plain decimals with at most 15 significant digits and a small exponent are exact in
 * one multiplication or division of exact doubles (Clinger's fast path), so correctly
 * rounded; everything else goes to g_ascii_strtod(). */
static gboolean
parse_simple_decimal (const char *s, double *out)
{
  static const double powers[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int digits = 0, fraction = 0;
  gboolean any = FALSE;
  double v;

  if (*s == '-' || *s == '+')
    negative = *s++ == '-';
  while (*s == '0')
    {
      s++;
      any = TRUE;
    }
  for (; g_ascii_isdigit (*s); s++, any = TRUE)
    {
      mantissa = mantissa * 10 + (guint64) (*s - '0');
      if (++digits > 15)
        return FALSE;
    }
  if (*s == '.')
    {
      s++;
      for (; g_ascii_isdigit (*s); s++, any = TRUE)
        {
          if (mantissa == 0 && *s == '0')
            {
              fraction++;
              continue;
            }
          mantissa = mantissa * 10 + (guint64) (*s - '0');
          fraction++;
          if (++digits > 15)
            return FALSE;
        }
    }
  while (g_ascii_isspace (*s))
    s++;
  if (!any || *s != '\0' || fraction >= (int) G_N_ELEMENTS (powers))
    return FALSE;
  v = fraction > 0 ? (double) mantissa / powers[fraction] : (double) mantissa;
  *out = negative ? -v : v;
  return TRUE;
}

/* Numbers as the format writes them: xsd:double lexical forms. */
gboolean
_crk_reader_parse_double (const char *s, double *out)
{
  char *end;
  double v;

  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '\0')
    return FALSE;
  if (parse_simple_decimal (s, out))
    return TRUE;
  if (strcmp (s, "NaN") == 0)
    v = NAN;
  else if (strcmp (s, "INF") == 0 || strcmp (s, "+INF") == 0)
    v = INFINITY;
  else if (strcmp (s, "-INF") == 0)
    v = -INFINITY;
  else
    {
      /* Only digits, signs, points and exponents: strtod would also take hex and "inf". */
      for (const char *p = s; *p != '\0' && !g_ascii_isspace (*p); p++)
        if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
          return FALSE;
      errno = 0;
      v = g_ascii_strtod (s, &end);
      if (end == s)
        return FALSE;
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0')
        return FALSE;
      if (errno == ERANGE && isinf (v))
        return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
_crk_reader_parse_int (const char *s, gint64 min, gint64 max, gint64 *out)
{
  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '+')
    s++;
  return g_ascii_string_to_signed (s, 10, min, max, out, NULL);
}
