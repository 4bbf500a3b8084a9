/* test-fuzz-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays every input of the fuzzing corpus (fuzz/corpus/TARGET/) through the same entry
 * points libFuzzer calls (fuzz/hubs-fuzz-targets.c), without libFuzzer, so an ordinary gcc
 * build checks that nothing the fuzzer once found comes back. Inputs that crashed are added
 * to the corpus once fixed.
 */

#include "config.h"

#include <locale.h>

#include "hubs-fuzz-targets.h"
#include "hubs-test-util.h"

typedef int (*FuzzTarget) (const uint8_t *data,
                           size_t         size);

typedef struct
{
  const char *name;
  FuzzTarget  target;
} Target;

static void
replay (gconstpointer data)
{
  const Target *t = data;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus",
                                                     t->name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr(GBytes) bytes = hubs_test_read_bytes (path);
      gsize size;
      const uint8_t *bytes_data = g_bytes_get_data (bytes, &size);

      g_test_message ("%s", path);
      g_assert_cmpint (t->target (bytes_data, size), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const Target targets[] = {
    { "csv", hubs_fuzz_csv },
    { "number", hubs_fuzz_number },
    { "plan", hubs_fuzz_plan },
    { "import", hubs_fuzz_import },
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hubs/fuzz-corpus/%s", targets[i].name);

      g_test_add_data_func (path, &targets[i], replay);
    }

  return g_test_run ();
}
