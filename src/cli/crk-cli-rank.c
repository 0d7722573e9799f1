/* crk-cli-rank.c: placeholder until its issue lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crk-cli.h"

int
crk_cli_rank (int argc, char **argv)
{
  crk_cli_error ("%s: not implemented yet", argv[0]);
  return CRK_CLI_EXIT_FAILED;
}

int
crk_cli_explain (int argc, char **argv)
{
  crk_cli_error ("%s: not implemented yet", argv[0]);
  return CRK_CLI_EXIT_FAILED;
}

