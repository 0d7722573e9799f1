/* crk-importer-list.h: the registry of importers, one line a format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line names the CrkImporter a format's file defines (`const CrkImporter
 * crk_importer_NAME = { … };`), in the order formats are tried when two are equally
 * sure. Included by crk-importers.c with CRK_IMPORTER defined. Adding a format is its
 * file and one line here.
 */
CRK_IMPORTER (native)
CRK_IMPORTER (coinr)
CRK_IMPORTER (csv_table)
CRK_IMPORTER (xlsx)
CRK_IMPORTER (ods)
CRK_IMPORTER (fods)
CRK_IMPORTER (xls)
CRK_IMPORTER (sdmx21)
CRK_IMPORTER (sdmx20)
CRK_IMPORTER (sdmx30)
CRK_IMPORTER (worldbank)
CRK_IMPORTER (spreadsheetml)
