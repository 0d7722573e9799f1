/* crk-test-cli.h: running cityrank-cli (CRK_CLI) as a program in the CLI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
/* Runs cityrank-cli (CRK_CLI) with the NULL-terminated arguments. */
Run run_cli (const char *first, ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
