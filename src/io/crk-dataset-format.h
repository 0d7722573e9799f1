/* crk-dataset-format.h: names of the native dataset format (.cityrank.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define CRK_DATASET_NAMESPACE "https://cityrank.github.io/ns/dataset/1"
#define CRK_DATASET_MEDIA_TYPE "application/x-cityrank+xml"
#define CRK_DATASET_SUFFIX ".cityrank.xml"
#define CRK_DATASET_FORMAT_VERSION "1"
/* The RELAX NG schema in the core library's resources (crk_dataset_get_schema()). */
#define CRK_DATASET_SCHEMA_RESOURCE "/io/github/cityrank/Cityrank/schema/cityrank-dataset.rng"
