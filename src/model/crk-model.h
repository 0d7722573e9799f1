/* crk-model.h: the whole model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-city.h"
#include "crk-dataset.h"
#include "crk-framework-node.h"
#include "crk-indicator.h"
#include "crk-method.h"
#include "crk-unit-words.h"
