/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer entry point for hubs_fuzz_csv(); see fuzz/run.sh.
 */

#include "hubs-fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return hubs_fuzz_csv (data, size);
}
