/* crk-csv-import.h: importing a dataset from CSV tables in COINr's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crk-dataset.h"
#include "crk-io-error.h"

G_BEGIN_DECLS

/*
 * Two tables, as COINr's iData and iMeta:
 *
 * The DATA table has one row per unit (city), or per unit and year:
 *   uCode      the unit's code (required, unique per year)
 *   uName      its name (optional)
 *   uName_zh   its Chinese name (optional, a Cityrank extension)
 *   Time       the year, an integer (optional; without it every row belongs to the
 *              year passed as @default_year)
 *   province, region (any case)
 *              fill the city's province and region (a "Group" row in the metadata is
 *              allowed but not needed for these two)
 *   every other column must be named by an iCode of the metadata: Group columns become
 *   city attributes (crk_city_set_attribute()), Indicator and Denominator columns hold
 *   the values.
 * The header names uCode, uName, uName_zh and Time are matched in any case.
 *
 * The METADATA table has one row per code:
 *   iCode        (required) the code
 *   iName        the English name; iName_zh the Chinese name (extension)
 *   Type         Indicator, Aggregate, Group or Denominator (any case)
 *   Level        1 for indicators, 2 and up for aggregates; a parent's level must be
 *                above its children's
 *   Parent       the code of the Aggregate above (empty only for the root, the index)
 *   Weight       a number >= 0 (indicators and aggregates; may be empty for the root: 1)
 *   Direction    1 or -1 (indicators)
 *   Unit, Target (a number), Denominator (the iCode of a Denominator row): optional
 *   Description, Description_zh, Source: optional (extensions)
 * Other columns are ignored. Indicators and denominators become CrkIndicator of kind
 * indicator or denominator, in the metadata's order; Aggregate rows become framework
 * nodes under their parent with their weight, and indicators the leaves.
 *
 * The text: UTF-8 with or without a byte order mark; fields separated by commas or by
 * semicolons (whichever occurs more often in the header line, outside quotes); fields may
 * be quoted with double quotes, and a quoted field may hold the separator, newlines and
 * doubled quotes (""). Lines end with LF, CRLF or CR. Spaces and tabs around an unquoted
 * field are ignored. Blank lines are skipped; trailing empty fields beyond the header's
 * are ignored.
 *
 * Missing values: an empty field, NA, N/A, #N/A or NaN (any case). Numbers are read with
 * g_ascii_strtod() and must fill the whole field: decimal digits with an optional sign,
 * point and exponent (no hexadecimal, no infinities, no thousands separators). In a
 * semicolon-separated file, a number with one decimal comma and no point ("3,5") is also
 * accepted, as spreadsheets in many locales write it.
 *
 * Every problem is collected (up to CRK_DATASET_MAX_PROBLEMS) with the file, the
 * physical line (counting newlines inside quoted fields) and the column (1-based, in
 * characters, where the field starts; 1 for problems of a whole row or table). When there
 * is any problem the import fails with a CRK_IMPORT_ERROR listing them all.
 *
 * The dataset's title is the data file's name without ".csv" and a trailing "data" /
 * "iData" word ("asem_idata.csv" gives "asem"). It is not marked modified.
 */

/* Largest CSV file read (1 GiB). */
#define CRK_CSV_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30)

CrkDataset *crk_csv_import (const char *data_path,
                            const char *meta_path,
                            int default_year,
                            GPtrArray **problems,
                            GError **error);

/* Given either table of a pair, finds the other one (see crk_csv_find_pair()) and
 * imports both. */
CrkDataset *
crk_csv_import_guess (const char *path, int default_year, GPtrArray **problems, GError **error);

/* Finds the pair of @path: a table whose header has an iCode column is the metadata,
 * else it is the data. The companion is, in the same folder, the file named like @path
 * with the last "data" swapped for "meta" (or the reverse) in the same case
 * (X_data.csv / X_meta.csv, asem_iData.csv / asem_iMeta.csv, data.csv / meta.csv); or
 * else the only other .csv file there whose header has an iCode column (for a data
 * file) or a uCode column (for a metadata file). */
gboolean crk_csv_find_pair (const char *path, char **data_path, char **meta_path, GError **error);

G_END_DECLS
