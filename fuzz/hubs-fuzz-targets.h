/* hubs-fuzz-targets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzz targets as plain functions, so that libFuzzer (fuzz/fuzz-*.c) and the unit test
 * that replays the corpus (tests/test-fuzz-corpus.c) call exactly the same code.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* Each returns 0; a bug shows as a crash, a sanitizer report or a failed assertion. */
int hubs_fuzz_csv    (const uint8_t *data,
                      size_t         size);
int hubs_fuzz_number (const uint8_t *data,
                      size_t         size);
int hubs_fuzz_plan   (const uint8_t *data,
                      size_t         size);
int hubs_fuzz_import (const uint8_t *data,
                      size_t         size);

G_END_DECLS
