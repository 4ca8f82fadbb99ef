#!/usr/bin/env Rscript
# Timings of the R binding (bindings/r): the cost of crossing .Call and converting
# arrays and data frames, next to the C work. Run with the package installed:
#   Rscript benchmarks/bench_r.R
# Figures are quoted in docs/r-binding.md.
suppressPackageStartupMessages(library(planomsorg))

time_ms <- function(expr, n) {
  e <- substitute(expr)
  env <- parent.frame()
  eval(e, env)                                   # warm-up
  1000 * system.time(for (i in seq_len(n)) eval(e, env))[["elapsed"]] / n
}

p <- data_population()
d <- demography_default(NULL, 2025)
pl <- plan_new("5001", 2026, 2040)
for (b in bundle_names()) plan_add_scenario(pl, scenario_new(bundle = b))
r <- plan_run(pl)
m <- cohort_new(c("a", "b", "c"), 1000,
                p = matrix(c(0.9, 0.08, 0.02, 0.1, 0.8, 0.1, 0, 0, 1), 3, byrow = TRUE))
rows <- list(
  c("population_array(Norway, 41 years x 2 x 106)", time_ms(population_array(p), 200)),
  c("as.data.frame(Norway population, 8 692 rows)", time_ms(as.data.frame(p), 50)),
  c("population_bands(Norway, 11 bands x 3 sexes x 41 years)",
    time_ms(population_bands(p, sex = c("female", "male", "both")), 50)),
  c("population_project(Norway 2026-2100, components)",
    time_ms(population_project(data_population(), d, 2026, 2100), 20)),
  c("components_table(Norway 2026-2100, 15 900 rows)",
    time_ms(components_table(population_project(data_population(), d, 2026, 2100)), 10)),
  c("plan_run(Trondheim 2026-2040, 3 scenarios)", time_ms(plan_run(pl), 20)),
  c("plan_result_table(3 510 rows)", time_ms(plan_result_table(r), 20)),
  c("cohort_run + cohort_trace (3 states, 1 000 cycles)",
    time_ms(cohort_trace(cohort_run(m)), 50)))
out <- data.frame(task = vapply(rows, `[`, "", 1),
                  ms = round(as.numeric(vapply(rows, `[`, "", 2)), 2))
print(out, row.names = FALSE)
