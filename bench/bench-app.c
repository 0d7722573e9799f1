/* bench-app.c: how fast the window starts and follows a weight change (run under Xvfb)
 *
 *   bench-app              both figures
 *   bench-app --weight-only [radar|bar]  the weight change only (with one chart)
 *   bench-app --child app  (internal) start Cityrank on the sample, print the first frame
 *   bench-app --child bare (internal) start a bare GTK window, print the first frame
 *   bench-app --child adw  (internal) an empty libadwaita window with a header bar
 *   bench-app --child adw-app (internal) the smallest AdwApplication: a window, a header
 *                          bar and a label, started through g_application_run
 *   bench-app --phases     where Cityrank's start-up time goes (median of each phase)
 *
 * Start-up: the time from spawning a process to its first painted frame (the frame
 * clock's "after-paint"), for Cityrank on the sample dataset and for a bare GTK window,
 * median of several runs each. Weight change: the time from setting a dimension weight
 * to the end of the next painted frame with the table and chart redrawn, median of 60.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crk-application.h"
#include "crk-window-private.h"

#define N_STARTS 11
#define N_CHANGES 100

/* Child processes ------------------------------------------------------------------ */

/* With --phases, the child prints when each stage of its start-up ends. */
static void
phase (const char *name)
{
  printf ("phase %s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
}

static void
on_phase_cb (gpointer instance, const char *name)
{
  phase (name);
}

static void
on_phase_notify_cb (gpointer instance, GParamSpec *pspec, const char *name)
{
  phase (name);
}

/* These handlers run after GTK's own of the same phase (connected at realize). */
static void
on_first_frame_begins (GdkFrameClock *clock, gpointer user_data)
{
  phase ("frame-begins");
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_begins, user_data);
}

static void
on_first_layout (GdkFrameClock *clock, gpointer user_data)
{
  phase ("layout-done");
  g_signal_handlers_disconnect_by_func (clock, on_first_layout, user_data);
}

static void
on_first_paint_done (GdkFrameClock *clock, gpointer user_data)
{
  phase ("paint-done");
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_done, user_data);
}

static void
on_first_paint (GdkFrameClock *clock, gpointer user_data)
{
  GApplication *app = user_data;

  gint64 now = g_get_monotonic_time ();

  /* a window that failed to load the sample would start faster: no figure then */
  if (app != NULL)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (!CRK_IS_WINDOW (window) || crk_window_get_dataset (CRK_WINDOW (window)) == NULL)
        {
          printf ("no-dataset\n");
          fflush (stdout);
          exit (1);
        }
    }
  /* CLOCK_MONOTONIC: comparable with the parent's clock */
  printf ("first-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, user_data);
  if (app != NULL)
    g_application_quit (app);
  else
    exit (0);
}

static gboolean trace_phases;

static void
on_realize (GtkWidget *window, gpointer user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (trace_phases)
    {
      phase ("realized");
      g_signal_connect (clock, "before-paint", G_CALLBACK (on_first_frame_begins), NULL);
      g_signal_connect (clock, "layout", G_CALLBACK (on_first_layout), NULL);
      g_signal_connect (clock, "paint", G_CALLBACK (on_first_paint_done), NULL);
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), user_data);
}

static void
on_window_added (GtkApplication *app, GtkWindow *window)
{
  if (trace_phases)
    {
      phase ("window-built");
      g_signal_connect (window, "notify::dataset", G_CALLBACK (on_phase_notify_cb),
                        (gpointer) "dataset-shown");
    }
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
}

static void
on_floor_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box),
                  gtk_label_new ("Top 100 Advanced Manufacturing Cities · 先进制造业百强市"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  /* no application: the first frame ends the process at once */
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *what, int argc, char **argv)
{
  if (g_str_equal (what, "app") || g_str_equal (what, "app-phases"))
    {
      g_autoptr (CrkApplication) app = NULL;
      char *args[] = {argv[0], NULL};

      trace_phases = g_str_equal (what, "app-phases");
      if (trace_phases)
        phase ("main");
      app = crk_application_new ();
      if (trace_phases)
        {
          g_signal_connect (app, "startup", G_CALLBACK (on_phase_cb), (gpointer) "startup-done");
          g_signal_connect (app, "activate", G_CALLBACK (on_phase_cb),
                            (gpointer) "activate-begins");
          g_signal_connect_after (app, "activate", G_CALLBACK (on_phase_cb),
                                  (gpointer) "activate-done");
        }
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
      return g_application_run (G_APPLICATION (app), 1, args);
    }
  else if (g_str_equal (what, "adw-app"))
    {
      /* the least a libadwaita application does: AdwApplication (GTK, libadwaita, the
       * session bus), a window with a header bar and one line of text */
      g_autoptr (AdwApplication) app =
        adw_application_new ("io.github.cityrank.BenchFloor", G_APPLICATION_NON_UNIQUE);
      char *args[] = {argv[0], NULL};

      g_signal_connect (app, "activate", G_CALLBACK (on_floor_activate), NULL);
      return g_application_run (G_APPLICATION (app), 1, args);
    }
  else if (g_str_equal (what, "adw"))
    {
      GtkWidget *window;
      GtkWidget *box;

      adw_init ();
      window = adw_application_window_new (NULL);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
      g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
      gtk_window_present (GTK_WINDOW (window));
      while (TRUE)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    {
      GtkWidget *window;

      gtk_init ();
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
      g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
      gtk_window_present (GTK_WINDOW (window));
      while (TRUE)
        g_main_context_iteration (NULL, TRUE);
    }
  return 0;
}

/* Parent --------------------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
time_start (const char *self_path, const char *what)
{
  const char *argv[] = {self_path, "--child", what, NULL};
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  const char *line;
  gint64 frame;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error))
    g_error ("cannot start %s: %s", what, error->message);
  if (out != NULL && strstr (out, "no-dataset") != NULL)
    g_error ("%s showed no dataset in its first frame", what);
  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    g_error ("%s printed no frame", what);
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return (frame - start) / 1000.0;
}

/* Runs the traced child N_STARTS times and prints the median time at which each
 * phase ended, counted from the spawn. */
static void
print_phases (const char *self_path)
{
  const char *argv[] = {self_path, "--child", "app-phases", NULL};
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint run = 0; run < N_STARTS; run++)
    {
      g_autofree char *out = NULL;
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) lines = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL,
                         &error))
        g_error ("cannot start the traced child: %s", error->message);
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) fields = NULL;
          const char *name;
          guint slot;
          double ms;

          if (g_str_has_prefix (lines[i], "phase "))
            fields = g_strsplit (lines[i] + strlen ("phase "), " ", 2);
          else if (g_str_has_prefix (lines[i], "first-frame "))
            fields = g_strsplit (lines[i], " ", 2);
          else
            continue;
          if (g_strv_length (fields) != 2)
            continue;
          name = fields[0];
          for (slot = 0; slot < names->len; slot++)
            if (g_str_equal (g_ptr_array_index (names, slot), name))
              break;
          if (slot == names->len)
            {
              g_ptr_array_add (names, g_strdup (name));
              g_ptr_array_add (times, g_array_new (FALSE, FALSE, sizeof (double)));
            }
          ms = (g_ascii_strtoll (fields[1], NULL, 10) - start) / 1000.0;
          g_array_append_val (g_ptr_array_index (times, slot), ms);
        }
    }

  printf ("Cityrank's start-up, each phase's end after the spawn (median of %d):\n", N_STARTS);
  for (guint i = 0; i < names->len; i++)
    printf ("  %-18s %7.1f ms\n", (const char *) g_ptr_array_index (names, i),
            median (g_ptr_array_index (times, i)));
}

typedef struct
{
  gint64 frame_start;     /* the frame's update phase began */
  gint64 painted;         /* its paint phase ended */
  gint64 cpu_frame_start; /* the same two, in CPU time of this thread */
  gint64 cpu_painted;
  gint64 cpu_laid_out; /* the frame's layout phase ended (CPU time) */
} PaintProbe;

/* CPU time of the calling thread: unlike the wall clock, other processes on a busy
 * machine do not add to it (the X server's share of a frame is not in it either). */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_update (GdkFrameClock *clock, PaintProbe *probe)
{
  probe->frame_start = g_get_monotonic_time ();
  probe->cpu_frame_start = thread_cpu_time ();
}

static void
on_layout (GdkFrameClock *clock, PaintProbe *probe)
{
  probe->cpu_laid_out = thread_cpu_time ();
}

static void
on_after_paint (GdkFrameClock *clock, PaintProbe *probe)
{
  probe->painted = g_get_monotonic_time ();
  probe->cpu_painted = thread_cpu_time ();
}

static gboolean
painted_since (PaintProbe *probe, gint64 since)
{
  return probe->painted > since;
}

static void
wait_paint (PaintProbe *probe, gint64 since)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!painted_since (probe, since) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
}

static void
bench_weight_change (const char *chart)
{
  CrkWindow *window;
  GtkAdjustment *weight;
  GdkFrameClock *clock;
  PaintProbe probe = {0};
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) work_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) sync_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) layout_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) paint_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 now;

  adw_init ();
  window = crk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  crk_window_open_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (window->chart_view)) == 0 ||
         g_list_model_get_n_items (G_LIST_MODEL (window->store)) < window->rows->len)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &probe);
  /* after GTK's own layout handler, connected when the window was realized */
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &probe);
  now = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_paint (&probe, now);

  /* the radar (the default) and the ranked bars of all 100 cities (the heaviest) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", chart);
  weight = crk_method_panel_get_weight_adjustment (window->method_panel, "INNOV");

  for (guint i = 0; i < N_CHANGES + 5; i++)
    {
      gint64 t0, t1, t2, c0, c1;
      double ms;

      t0 = g_get_monotonic_time ();
      c0 = thread_cpu_time ();
      gtk_adjustment_set_value (weight, (i % 2) ? 0.25 : 0.05 + 0.01 * (i % 7));
      c1 = thread_cpu_time ();
      t1 = g_get_monotonic_time ();
      wait_paint (&probe, t1);
      t2 = probe.painted;
      if (i < 5)
        continue; /* warm-up */
      ms = (t2 - t0) / 1000.0;
      g_array_append_val (total, ms);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (sync, ms);
      /* the work: re-rank plus the frame's layout and paint, without the wait for the
       * frame clock's next tick */
      ms = ((t1 - t0) + (t2 - MAX (probe.frame_start, t1))) / 1000.0;
      g_array_append_val (work, ms);
      ms = ((c1 - c0) + (probe.cpu_painted - MAX (probe.cpu_frame_start, c1))) / 1000.0;
      g_array_append_val (work_cpu, ms);
      ms = (c1 - c0) / 1000.0;
      g_array_append_val (sync_cpu, ms);
      ms = (probe.cpu_laid_out - MAX (probe.cpu_frame_start, c1)) / 1000.0;
      g_array_append_val (layout_cpu, ms);
      ms = (probe.cpu_painted - probe.cpu_laid_out) / 1000.0;
      g_array_append_val (paint_cpu, ms);
    }

  {
    CrkDataset *dataset = crk_window_get_dataset (window);
    guint n_indicators = 0;

    for (guint i = 0; i < crk_dataset_get_n_indicators (dataset); i++)
      n_indicators += crk_indicator_get_kind (crk_dataset_get_indicator (dataset, i)) ==
        CRK_INDICATOR_KIND_INDICATOR;
    printf ("Weight change, %u cities x %u indicators, %s chart (median of %d):\n",
            crk_dataset_get_n_cities (dataset), n_indicators, chart, N_CHANGES);
  }
  printf ("  re-rank and update rows, detail, panel, chart options:  %6.2f ms\n", median (sync));
  printf ("  that plus the next frame's layout and paint (the work): %6.2f ms  (target < 16 ms)\n",
          median (work));
  printf ("  the same work in CPU time of the GTK thread:             %6.2f ms\n",
          median (work_cpu));
  printf ("    (CPU: re-rank and updates %.2f, layout %.2f, paint %.2f ms)\n", median (sync_cpu),
          median (layout_cpu), median (paint_cpu));
  printf ("  wall time to the end of that frame (+ wait for a tick): %6.2f ms\n", median (total));

  window->closing_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) adw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *self_path = NULL;
  double app_ms, bare_ms, adw_ms, floor_ms;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argc, argv);

  /* Headless there is no GPU: GTK's GL renderer would run on Mesa's software rasteriser
   * and the figures would measure llvmpipe. Every process measured here (the children
   * inherit it) uses the cairo renderer with GL off, as the UI tests do
   * (shared/docs/toolchain.md), unless the caller chose otherwise. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-app needs a display (run it under xvfb-run)\n");
      return 1;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  self_path = g_canonicalize_filename (argv[0], NULL);

  if (argc == 2 && g_str_equal (argv[1], "--phases"))
    {
      print_phases (self_path);
      return 0;
    }
  if (argc >= 2 && g_str_equal (argv[1], "--weight-only"))
    {
      if (argc == 2 || g_str_equal (argv[2], "radar"))
        bench_weight_change ("radar");
      if (argc == 2 || g_str_equal (argv[2], "bar"))
        bench_weight_change ("bar");
      return 0;
    }

  printf ("Renderer: GSK_RENDERER=%s GDK_DEBUG=%s\n", g_getenv ("GSK_RENDERER"),
          g_getenv ("GDK_DEBUG"));
  for (guint i = 0; i < N_STARTS; i++)
    {
      double b = time_start (self_path, "bare");
      double w = time_start (self_path, "adw");
      double f = time_start (self_path, "adw-app");
      double a = time_start (self_path, "app");

      g_array_append_val (bare, b);
      g_array_append_val (adw, w);
      g_array_append_val (floor_app, f);
      g_array_append_val (app, a);
    }
  bare_ms = median (bare);
  app_ms = median (app);
  adw_ms = median (adw);
  floor_ms = median (floor_app);
  printf ("Start to first frame (median of %d, process spawn included):\n", N_STARTS);
  printf ("  bare GTK window:                       %7.1f ms\n", bare_ms);
  printf ("  empty libadwaita window (adw_init):    %7.1f ms  (%.2fx)\n", adw_ms, adw_ms / bare_ms);
  printf ("  smallest AdwApplication with a window: %7.1f ms  (%.2fx)\n", floor_ms,
          floor_ms / bare_ms);
  printf (
    "  Cityrank with the sample:              %7.1f ms  (%.2fx the bare window; target <= 1.5x)\n",
    app_ms, app_ms / bare_ms);
  /* context: a libadwaita application alone is at or past the target */
  printf (
    "                                                   (%.2fx the smallest AdwApplication)\n",
    app_ms / floor_ms);
  printf ("  (bench-app --phases shows where Cityrank's start-up time goes)\n");

  bench_weight_change ("radar");
  bench_weight_change ("bar");
  return 0;
}
