/* crk-unit-words-private.h: between the two halves of the table of unit words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-unit-words.h"

G_BEGIN_DECLS

/* The sentence (untranslated) of a word from CRK_UNIT_WORD_BY_TIER on (crk-unit-sentences.c). */
const char *crk_unit_sentence_get (CrkUnitKind kind, CrkUnitWord word);

G_END_DECLS
