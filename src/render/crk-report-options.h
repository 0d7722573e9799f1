/* crk-report-options.h: what goes into a ranking report and on which paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The parts of a report, in the order they appear. */
typedef enum
{
  CRK_REPORT_SECTION_TITLE = 1 << 0,
  CRK_REPORT_SECTION_CONTENTS = 1 << 1,
  CRK_REPORT_SECTION_SUMMARY = 1 << 2,
  CRK_REPORT_SECTION_METHOD = 1 << 3,
  /* agreement with the published ranking: only where the cities have reference ranks */
  CRK_REPORT_SECTION_AGREEMENT = 1 << 4,
  CRK_REPORT_SECTION_TABLE = 1 << 5,
  CRK_REPORT_SECTION_CHARTS = 1 << 6,
  CRK_REPORT_SECTION_PROFILES = 1 << 7,
} CrkReportSections;

#define CRK_REPORT_SECTIONS_ALL ((CrkReportSections) 0xff)
#define CRK_REPORT_N_SECTIONS 8

typedef enum
{
  CRK_REPORT_PAPER_A4,
  CRK_REPORT_PAPER_LETTER,
} CrkReportPaper;

/* Which cities get a profile page. */
typedef enum
{
  CRK_REPORT_PROFILES_ALL,  /* every ranked city, in rank order */
  CRK_REPORT_PROFILES_TOP,  /* the first N in rank order */
  CRK_REPORT_PROFILES_LIST, /* the listed cities, in rank order (unranked ones last) */
} CrkReportProfiles;

/* What the radar of a profile page compares the city with. */
typedef enum
{
  CRK_REPORT_BENCHMARK_NONE,
  CRK_REPORT_BENCHMARK_MEDIAN,    /* the median of the ranked cities */
  CRK_REPORT_BENCHMARK_TIER_MEAN, /* the mean of the city's tier */
  CRK_REPORT_BENCHMARK_BASE_YEAR, /* the same city in the base year */
} CrkReportBenchmark;

#define CRK_TYPE_REPORT_OPTIONS (crk_report_options_get_type ())
typedef struct _CrkReportOptions CrkReportOptions;

GType crk_report_options_get_type (void) G_GNUC_CONST;
/* Defaults: every section, all profiles, A4, the median as benchmark, top 100 for the
 * cities entering and leaving the top. */
CrkReportOptions *crk_report_options_new (void);
CrkReportOptions *crk_report_options_copy (const CrkReportOptions *self);
void crk_report_options_free (CrkReportOptions *self);

CrkReportSections crk_report_options_get_sections (const CrkReportOptions *self);
void crk_report_options_set_sections (CrkReportOptions *self, CrkReportSections sections);
CrkReportPaper crk_report_options_get_paper (const CrkReportOptions *self);
void crk_report_options_set_paper (CrkReportOptions *self, CrkReportPaper paper);
CrkReportProfiles crk_report_options_get_profiles (const CrkReportOptions *self);
/* The N of CRK_REPORT_PROFILES_TOP. */
guint crk_report_options_get_profiles_top (const CrkReportOptions *self);
/* The city codes of CRK_REPORT_PROFILES_LIST (borrowed, NULL-terminated, never NULL). */
const char *const *crk_report_options_get_profile_codes (const CrkReportOptions *self);
void crk_report_options_set_profiles_all (CrkReportOptions *self);
void crk_report_options_set_profiles_top (CrkReportOptions *self, guint n);
void crk_report_options_set_profiles_list (CrkReportOptions *self, const char *const *codes);
/* Parses "all", "top:N" or "CODE,CODE,..." (the CLI's --profiles); FALSE and no change
 * with @error set when malformed. Codes are checked against a dataset by the report. */
gboolean
crk_report_options_parse_profiles (CrkReportOptions *self, const char *spec, GError **error);
CrkReportBenchmark crk_report_options_get_benchmark (const CrkReportOptions *self);
void crk_report_options_set_benchmark (CrkReportOptions *self, CrkReportBenchmark benchmark);
/* N of "the cities entering and leaving the top N" in the summary (default 100; when
 * fewer cities are ranked, the summary uses the top 10). */
guint crk_report_options_get_summary_top (const CrkReportOptions *self);
void crk_report_options_set_summary_top (CrkReportOptions *self, guint n);
/* The date printed on the title page and in the footer, and written as the PDF's
 * creation date (a reference is taken). NULL (the default) means now, or
 * SOURCE_DATE_EPOCH when that is set (reproducible output). */
GDateTime *crk_report_options_get_date (const CrkReportOptions *self);
void crk_report_options_set_date (CrkReportOptions *self, GDateTime *date);

/* "a4" / "letter" and back (any case; "us-letter" too). */
const char *crk_report_paper_to_string (CrkReportPaper paper);
gboolean crk_report_paper_from_string (const char *s, CrkReportPaper *paper);
/* Paper size in points, portrait. */
void crk_report_paper_get_size (CrkReportPaper paper, double *width, double *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkReportOptions, crk_report_options_free)

G_END_DECLS
