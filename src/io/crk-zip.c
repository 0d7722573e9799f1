/* crk-zip.c: zip containers (xlsx, ods) and the XML parts inside them, read safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libarchive reads the zip from its central directory (the "seekable" zip reader), so a
 * truncated archive is found at once, entries written with data descriptors read as well
 * as the others, and skipping an entry costs a seek. Reading an entry opens the archive
 * anew and walks to it: workbooks have tens of entries.
 */
#define G_LOG_DOMAIN "crk-zip"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "crk-io-limits.h"
#include "crk-xml-input.h"
#include "crk-zip.h"

/* Small reads: the bytes read from the file measure how much of an entry was inflated. */
#define BLOCK_SIZE (4 * 1024)
#define MAX_DEPTH 128

/* The zip */

typedef struct
{
  char *name;
  int index; /* among all the archive's headers */
} Entry;

struct _CrkZip
{
  char *path;
  char *display;    /* the file's name, for messages */
  GArray *entries;  /* Entry */
  GPtrArray *names; /* NULL-terminated */
  guint64 inflated; /* over all entries read so far */
  guint64 parts;    /* the inflated size of the XML entries, for progress (0: unknown) */

  /* The entry being read */
  struct archive *archive;
  int fd;
  guint8 *block;
  guint64 raw;         /* bytes read from the file since it was opened */
  guint64 entry_raw;   /* raw when the entry's header was read */
  guint64 entry_bytes; /* inflated so far */
  char *entry_name;
};

static la_ssize_t
read_cb (struct archive *archive, void *data, const void **buffer)
{
  CrkZip *zip = data;
  ssize_t n;

  do
    n = read (zip->fd, zip->block, BLOCK_SIZE);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      archive_set_error (archive, errno, "%s", g_strerror (errno));
      return -1;
    }
  zip->raw += (guint64) n;
  *buffer = zip->block;
  return n;
}

static la_int64_t
seek_cb (struct archive *archive, void *data, la_int64_t offset, int whence)
{
  CrkZip *zip = data;
  off_t r = lseek (zip->fd, (off_t) offset, whence);

  if (r < 0)
    {
      archive_set_error (archive, errno, "%s", g_strerror (errno));
      return ARCHIVE_FATAL;
    }
  return r;
}

static la_int64_t
skip_cb (struct archive *archive, void *data, la_int64_t request)
{
  CrkZip *zip = data;
  off_t here = lseek (zip->fd, 0, SEEK_CUR);
  off_t end = lseek (zip->fd, 0, SEEK_END);
  off_t to;

  if (here < 0 || end < 0)
    return 0;
  to = MIN ((off_t) (here + request), end);
  if (lseek (zip->fd, to, SEEK_SET) < 0)
    return 0;
  return to - here;
}

static void
close_archive (CrkZip *zip)
{
  if (zip->archive != NULL)
    archive_read_free (zip->archive);
  zip->archive = NULL;
  if (zip->fd >= 0)
    close (zip->fd);
  zip->fd = -1;
  g_clear_pointer (&zip->entry_name, g_free);
}

/* libarchive's (English) words, made safe to show. */
static char *
archive_message (struct archive *archive)
{
  const char *text = archive_error_string (archive);

  return g_utf8_make_valid (text != NULL ? text : "unknown error", -1);
}

static gboolean
open_archive (CrkZip *zip, GError **error)
{
  close_archive (zip);
  zip->fd = g_open (zip->path, O_RDONLY | O_CLOEXEC, 0);
  if (zip->fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot open “%s”: %s"),
                   zip->display, g_strerror (saved_errno));
      return FALSE;
    }
  zip->raw = 0;
  zip->archive = archive_read_new ();
  archive_read_support_format_zip_seekable (zip->archive);
  archive_read_set_read_callback (zip->archive, read_cb);
  archive_read_set_seek_callback (zip->archive, seek_cb);
  archive_read_set_skip_callback (zip->archive, skip_cb);
  archive_read_set_callback_data (zip->archive, zip);
  if (archive_read_open1 (zip->archive) != ARCHIVE_OK)
    {
      g_autofree char *why = archive_message (zip->archive);

      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED,
                   /* Translators: %s is libarchive's (English) reason */
                   _ ("“%s” is not a complete zip archive (truncated or damaged?): %s"),
                   zip->display, why);
      close_archive (zip);
      return FALSE;
    }
  return TRUE;
}

/* Names an entry may not have: absolute, or climbing out with "..". */
static gboolean
name_is_safe (const char *name)
{
  g_auto (GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || *name == '/' || *name == '\\' ||
      !g_utf8_validate (name, -1, NULL))
    return FALSE;
  if (g_ascii_isalpha (name[0]) && name[1] == ':')
    return FALSE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  return name != NULL ? name : archive_entry_pathname (entry);
}

static gboolean
is_xml_name (const char *name)
{
  gsize length = strlen (name);

  return length >= 4 && g_ascii_strcasecmp (name + length - 4, ".xml") == 0;
}

static gboolean
list_entries (CrkZip *zip, GError **error)
{
  struct archive_entry *entry;
  int r, index = 0;

  while ((r = archive_read_next_header (zip->archive, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *name = entry_name (entry);

      if (index >= CRK_ZIP_MAX_ENTRIES)
        {
          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE,
                       _ ("“%s” holds more than %d entries; refusing it"), zip->display,
                       CRK_ZIP_MAX_ENTRIES);
          return FALSE;
        }
      if (name_is_safe (name) && archive_entry_filetype (entry) == AE_IFREG &&
          !crk_zip_has_entry (zip, name))
        {
          Entry e = {g_strdup (name), index};

          /* what the readers read: the XML parts (images and the like are left) */
          if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > 0 &&
              is_xml_name (name))
            zip->parts += (guint64) archive_entry_size (entry);

          g_array_append_val (zip->entries, e);
          g_ptr_array_add (zip->names, e.name);
        }
      index++;
    }
  if (r != ARCHIVE_EOF)
    {
      g_autofree char *why = archive_message (zip->archive);

      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED,
                   _ ("“%s” is not a complete zip archive (truncated or damaged?): %s"),
                   zip->display, why);
      return FALSE;
    }
  g_ptr_array_add (zip->names, NULL);
  return TRUE;
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->name);
}

/**
 * crk_zip_open:
 * @path: a file
 * @error: why it cannot be read as a zip
 *
 * Returns: (transfer full) (nullable): the zip, its entries listed
 */
CrkZip *
crk_zip_open (const char *path, GError **error)
{
  CrkZip *zip = g_new0 (CrkZip, 1);

  zip->path = g_strdup (path);
  zip->display = g_filename_display_basename (path);
  zip->fd = -1;
  zip->block = g_malloc (BLOCK_SIZE);
  zip->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (zip->entries, entry_clear);
  zip->names = g_ptr_array_new ();
  if (!open_archive (zip, error) || !list_entries (zip, error))
    {
      crk_zip_free (zip);
      return NULL;
    }
  close_archive (zip);
  return zip;
}

void
crk_zip_free (CrkZip *zip)
{
  if (zip == NULL)
    return;
  close_archive (zip);
  g_ptr_array_unref (zip->names);
  g_array_unref (zip->entries);
  g_free (zip->block);
  g_free (zip->display);
  g_free (zip->path);
  g_free (zip);
}

const char *const *
crk_zip_get_entries (CrkZip *zip)
{
  return (const char *const *) zip->names->pdata;
}

static const Entry *
find_entry (CrkZip *zip, const char *name)
{
  for (guint i = 0; i < zip->entries->len; i++)
    {
      const Entry *e = &g_array_index (zip->entries, Entry, i);

      if (g_str_equal (e->name, name))
        return e;
    }
  return NULL;
}

gboolean
crk_zip_has_entry (CrkZip *zip, const char *name)
{
  return name != NULL && find_entry (zip, name) != NULL;
}

static char *
too_large (CrkZip *zip, guint64 size)
{
  g_autofree char *what =
    g_strdup_printf (_ ("Inflating “%s” of “%s”"), zip->entry_name, zip->display);
  char *message = NULL;

  crk_io_check_memory (size, what, &message);
  return message;
}

/* Positions the archive at the data of @name. */
static gboolean
begin_entry (CrkZip *zip, const char *name, GError **error)
{
  const Entry *e = find_entry (zip, name);
  struct archive_entry *entry = NULL;

  if (e == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED, _ ("“%s” has no part “%s”"),
                   zip->display, name);
      return FALSE;
    }
  if (!open_archive (zip, error))
    return FALSE;
  for (int i = 0; i <= e->index; i++)
    if (archive_read_next_header (zip->archive, &entry) < ARCHIVE_WARN)
      {
        g_autofree char *why = archive_message (zip->archive);

        g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED,
                     _ ("“%s” is not a complete zip archive (truncated or damaged?): %s"),
                     zip->display, why);
        return FALSE;
      }
  zip->entry_name = g_strdup (name);
  zip->entry_raw = zip->raw;
  zip->entry_bytes = 0;
  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID,
                   _ ("“%s” is encrypted (protected by a password); save it without a password "
                      "and import it again"),
                   zip->display);
      return FALSE;
    }
  if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > 0)
    {
      guint64 size = (guint64) archive_entry_size (entry);
      g_autofree char *message = NULL;

      if (size > crk_io_get_memory_limit () - MIN (zip->inflated, crk_io_get_memory_limit ()))
        {
          message = too_large (zip, zip->inflated + size);
          g_set_error_literal (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE, message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Inflates up to @size bytes of the current entry; 0 at its end, -1 with @error. */
static gssize
read_data (CrkZip *zip, void *buffer, gsize size, GError **error)
{
  la_ssize_t n = archive_read_data (zip->archive, buffer, size);
  guint64 compressed;

  if (n < 0)
    {
      g_autofree char *why = archive_message (zip->archive);

      if (strstr (why, "ncrypt") != NULL)
        g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID,
                     _ ("“%s” is encrypted (protected by a password); save it without a password "
                        "and import it again"),
                     zip->display);
      else
        g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED,
                     /* Translators: an entry of a zip, the zip, libarchive's (English) reason */
                     _ ("cannot inflate “%s” of “%s” (truncated or damaged?): %s"), zip->entry_name,
                     zip->display, why);
      return -1;
    }
  /* progress: the bytes inflated of all the XML parts, every 64 KiB */
  if (zip->parts > 0 && ((zip->inflated + (guint64) n) >> 16) != (zip->inflated >> 16))
    crk_import_progress ((double) (zip->inflated + (guint64) n) / (double) zip->parts);
  zip->entry_bytes += (guint64) n;
  zip->inflated += (guint64) n;
  if (zip->inflated > crk_io_get_memory_limit ())
    {
      g_autofree char *message = too_large (zip, zip->inflated);

      g_set_error_literal (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE, message);
      return -1;
    }
  compressed = zip->raw - MIN (zip->raw, zip->entry_raw) + BLOCK_SIZE;
  if (zip->entry_bytes > CRK_ZIP_RATIO_GRACE && zip->entry_bytes / compressed > CRK_ZIP_MAX_RATIO)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE,
                   _ ("“%s” of “%s” inflates more than %d times its compressed size (a zip bomb?); "
                      "refusing the file"),
                   zip->entry_name, zip->display, CRK_ZIP_MAX_RATIO);
      return -1;
    }
  return n;
}

char *
crk_zip_read_entry (CrkZip *zip, const char *name, gsize max_size, gsize *length, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  if (!begin_entry (zip, name, error))
    {
      close_archive (zip);
      return NULL;
    }
  while ((n = read_data (zip, buffer, sizeof buffer, error)) > 0)
    {
      if (bytes->len + (gsize) n > max_size)
        {
          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE,
                       _ ("“%s” of “%s” is larger than expected; refusing the file"), name,
                       zip->display);
          n = -1;
          break;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  close_archive (zip);
  if (n < 0)
    return NULL;
  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/**
 * crk_zip_list_entries:
 * @path: a file
 *
 * Returns: (transfer full) (nullable): the names of its entries, when it is a zip
 */
char **
crk_zip_list_entries (const char *path)
{
  CrkZip *zip = crk_zip_open (path, NULL);
  char **names;

  if (zip == NULL)
    return NULL;
  names = g_strdupv ((char **) zip->names->pdata);
  crk_zip_free (zip);
  return names;
}

/* XML parts */

struct _CrkXmlPart
{
  CrkZip *zip; /* nullable: a plain file then */
  FILE *file;
  char *name; /* the entry, or the file's name */
  xmlTextReaderPtr reader;
  GCancellable *cancellable;
  guint8 *head; /* the first bytes, their prolog checked, given to the parser first */
  gsize head_length, head_position;
  guint64 nodes;
  guint64 size, read; /* a plain file's size and the bytes read, for progress */
  char *problem;
  CrkImportError code;
  xmlChar *attribute;
};

static void
set_problem (CrkXmlPart *part, int line, int column, CrkImportError code, const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  if (part->problem != NULL)
    return;
  g_strchomp (valid);
  g_strdelimit (valid, "\r\n", ' ');
  if (line > 0)
    part->problem = g_strdup_printf ("%s:%d:%d: %s", part->name, line, MAX (column, 1), valid);
  else
    part->problem = g_strdup_printf ("%s: %s", part->name, valid);
  part->code = code;
}

/* Up to @length bytes of the entry or the file; -1 with the problem set. */
static gssize
part_read (CrkXmlPart *part, void *buffer, gsize length)
{
  g_autoptr (GError) error = NULL;
  gssize n;

  if (part->problem != NULL)
    return -1;
  if (g_cancellable_is_cancelled (part->cancellable))
    {
      set_problem (part, 0, 0, CRK_IMPORT_ERROR_IO, _ ("cancelled"));
      return -1;
    }
  if (part->zip != NULL)
    n = read_data (part->zip, buffer, length, &error);
  else
    {
      n = (gssize) fread (buffer, 1, length, part->file);
      if (n == 0 && ferror (part->file))
        {
          set_problem (part, 0, 0, CRK_IMPORT_ERROR_IO, g_strerror (errno));
          return -1;
        }
      /* progress: the bytes read of the file, every 64 KiB */
      if (part->size > 0 && ((part->read + (guint64) n) >> 16) != (part->read >> 16))
        crk_import_progress ((double) (part->read + (guint64) n) / (double) part->size);
      part->read += (guint64) n;
    }
  if (n < 0)
    {
      /* The message names the entry and the file already. */
      part->problem = g_strdup (error->message);
      part->code = (CrkImportError) error->code;
      return -1;
    }
  return n;
}

/* Reads the head and checks its prolog: a DOCTYPE never reaches the parser. */
static void
check_head (CrkXmlPart *part)
{
  g_autofree char *problem = NULL;
  int line, column;
  CrkImportError code;
  gssize n = 1;

  part->head = g_malloc (CRK_XML_INPUT_HEAD_SIZE);
  while (part->head_length < CRK_XML_INPUT_HEAD_SIZE &&
         (n = part_read (part, part->head + part->head_length,
                         CRK_XML_INPUT_HEAD_SIZE - part->head_length)) > 0)
    part->head_length += (gsize) n;
  if (n < 0)
    return;
  problem = crk_xml_check_prolog (part->head, part->head_length, CRK_XML_INPUT_DEFAULT, &line,
                                  &column, &code);
  if (problem != NULL)
    set_problem (part, line, column, code, problem);
}

static int
part_read_cb (void *context, char *buffer, int length)
{
  CrkXmlPart *part = context;

  if (length <= 0 || part->problem != NULL)
    return part->problem != NULL ? -1 : 0;
  if (part->head_position < part->head_length)
    {
      gsize k = MIN ((gsize) length, part->head_length - part->head_position);

      memcpy (buffer, part->head + part->head_position, k);
      part->head_position += k;
      return (int) k;
    }
  return (int) part_read (part, buffer, (gsize) length);
}

static int
part_close_cb (void *context)
{
  return 0;
}

static void
part_error_cb (void *data, xmlErrorPtr error)
{
  CrkXmlPart *part = data;
  g_autofree char *message = NULL;
  CrkImportError code;

  if (error == NULL || error->level < XML_ERR_ERROR || part->problem != NULL)
    return;
  message = crk_xml_describe_error (error, &code);
  set_problem (part, error->line, error->int2, code, message);
}

/**
 * crk_xml_part_open:
 * @zip: (nullable): a zip, or %NULL for a plain file
 * @name: the entry of @zip, or the file
 * @cancellable: (nullable): to stop
 * @error: why the part cannot be opened
 *
 * Returns: (transfer full) (nullable): the part, positioned before its first node
 */
CrkXmlPart *
crk_xml_part_open (CrkZip *zip, const char *name, GCancellable *cancellable, GError **error)
{
  CrkXmlPart *part = g_new0 (CrkXmlPart, 1);
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_NOERROR |
    XML_PARSE_NOWARNING;

  part->zip = zip;
  part->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (zip != NULL)
    {
      part->name = g_strdup (name);
      if (!begin_entry (zip, name, error))
        {
          crk_xml_part_free (part);
          return NULL;
        }
    }
  else
    {
      part->name = g_filename_display_basename (name);
      GStatBuf st;

      part->file = g_fopen (name, "rb");
      if (part->file == NULL)
        {
          int saved_errno = errno;

          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot open “%s”: %s"),
                       part->name, g_strerror (saved_errno));
          crk_xml_part_free (part);
          return NULL;
        }
      if (g_stat (name, &st) == 0 && st.st_size > 0)
        part->size = (guint64) st.st_size;
    }
  check_head (part);
  part->reader = xmlReaderForIO (part_read_cb, part_close_cb, part, NULL, NULL, options);
  if (part->reader == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot read “%s”"),
                   part->name);
      crk_xml_part_free (part);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (part->reader, part_error_cb, part);
  return part;
}

void
crk_xml_part_free (CrkXmlPart *part)
{
  if (part == NULL)
    return;
  if (part->reader != NULL)
    xmlFreeTextReader (part->reader);
  if (part->zip != NULL)
    close_archive (part->zip);
  if (part->file != NULL)
    fclose (part->file);
  g_clear_object (&part->cancellable);
  xmlFree (part->attribute);
  g_free (part->head);
  g_free (part->problem);
  g_free (part->name);
  g_free (part);
}

xmlTextReaderPtr
crk_xml_part_get_reader (CrkXmlPart *part)
{
  return part->reader;
}

int
crk_xml_part_next (CrkXmlPart *part)
{
  int r;

  if (part->problem != NULL)
    return -1;
  r = xmlTextReaderRead (part->reader);
  if (part->problem != NULL)
    return -1;
  if (r < 0)
    {
      set_problem (part, xmlTextReaderGetParserLineNumber (part->reader),
                   xmlTextReaderGetParserColumnNumber (part->reader), CRK_IMPORT_ERROR_MALFORMED,
                   _ ("not well-formed XML"));
      return -1;
    }
  if (r == 0)
    return 0;
  switch (xmlTextReaderNodeType (part->reader))
    {
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        crk_xml_part_fail (part, CRK_IMPORT_ERROR_HOSTILE,
                           g_strdup (_ ("the part uses DTDs or entities; refusing it")));
        return -1;
      case XML_READER_TYPE_ELEMENT:
        if (xmlTextReaderDepth (part->reader) > MAX_DEPTH)
          {
            crk_xml_part_fail (
              part, CRK_IMPORT_ERROR_HOSTILE,
              g_strdup_printf (_ ("elements are nested deeper than %d levels; refusing the file"),
                               MAX_DEPTH));
            return -1;
          }
        break;
      default:
        break;
    }
  if ((++part->nodes & 0xffff) == 0 && g_cancellable_is_cancelled (part->cancellable))
    {
      set_problem (part, 0, 0, CRK_IMPORT_ERROR_IO, _ ("cancelled"));
      return -1;
    }
  return 1;
}

const char *
crk_xml_part_get_problem (CrkXmlPart *part, CrkImportError *code)
{
  if (code != NULL)
    *code = part->code;
  return part->problem;
}

void
crk_xml_part_fail (CrkXmlPart *part, CrkImportError code, char *message)
{
  set_problem (part, xmlTextReaderGetParserLineNumber (part->reader),
               xmlTextReaderGetParserColumnNumber (part->reader), code, message);
  g_free (message);
}

gboolean
crk_xml_part_append_text (CrkXmlPart *part, GString *text, const char *value)
{
  if (crk_xml_append_text (text, value, CRK_SHEET_MAX_TEXT))
    return TRUE;
  crk_xml_part_fail (
    part, CRK_IMPORT_ERROR_HOSTILE,
    g_strdup_printf (_ ("a text is longer than %d bytes; refusing the file"), CRK_SHEET_MAX_TEXT));
  return FALSE;
}

gboolean
crk_xml_part_is (CrkXmlPart *part, const char *const *ns, const char *local_name)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (part->reader);
  const char *uri;

  if (name == NULL || strcmp (name, local_name) != 0)
    return FALSE;
  uri = (const char *) xmlTextReaderConstNamespaceUri (part->reader);
  if (uri == NULL)
    return FALSE;
  for (guint i = 0; ns[i] != NULL; i++)
    if (strcmp (uri, ns[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
crk_xml_part_attribute (CrkXmlPart *part, const char *ns, const char *local_name)
{
  g_clear_pointer (&part->attribute, xmlFree);
  if (ns != NULL)
    part->attribute = xmlTextReaderGetAttributeNs (part->reader, (const xmlChar *) local_name,
                                                   (const xmlChar *) ns);
  else
    part->attribute = xmlTextReaderGetAttribute (part->reader, (const xmlChar *) local_name);
  return (const char *) part->attribute;
}

/* Dates */

/* Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm). */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64 z, gint64 *y, int *m, int *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

/* 1899-12-30 */
#define SERIAL_EPOCH (-25569)

char *
crk_sheet_date_text (double serial)
{
  gint64 days, seconds, y;
  int m, d;

  if (!isfinite (serial) || fabs (serial) > 1e7)
    return g_strdup ("");
  days = (gint64) floor (serial);
  seconds = (gint64) llround ((serial - (double) days) * 86400.0);
  if (seconds >= 86400)
    days++, seconds -= 86400;
  if (serial >= 0 && serial < 1)
    return g_strdup_printf ("%02d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  if (days == 60)
    y = 1900, m = 2, d = 29; /* Excel's day that never was */
  else
    civil_from_days (days + SERIAL_EPOCH + (days > 0 && days < 60 ? 1 : 0), &y, &m, &d);
  if (seconds == 0)
    return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02d-%02d", y, m, d);
  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02d-%02dT%02d:%02d:%02d", y, m, d,
                          (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
}

gboolean
crk_sheet_parse_date (const char *text, double *serial)
{
  int y, m, d, hh = 0, mm = 0, n = 0;
  double ss = 0;
  gint64 days;

  if (text == NULL || sscanf (text, "%5d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n < 10)
    return FALSE;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999)
    return FALSE;
  text += n;
  if (*text == 'T' || *text == ' ')
    {
      char *end = NULL;

      if (sscanf (text + 1, "%2d:%2d%n", &hh, &mm, &n) != 2)
        return FALSE;
      text += 1 + n;
      if (*text == ':')
        {
          ss = g_ascii_strtod (text + 1, &end);
          text = end;
        }
      if (hh < 0 || hh > 24 || mm < 0 || mm > 59 || ss < 0 || ss >= 61)
        return FALSE;
    }
  days = days_from_civil (y, m, d) - SERIAL_EPOCH;
  if (days > 0 && days < 61)
    days--; /* Excel counts a 1900-02-29 */
  *serial = (double) days + (hh * 3600.0 + mm * 60.0 + ss) / 86400.0;
  return TRUE;
}
