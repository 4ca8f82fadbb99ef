#!/usr/bin/env Rscript
# A municipality's care plan end to end with the planomsorg R package:
# population -> projection -> services per level of the care staircase ->
# coverage and places for a target -> staff (FTE) -> costs -> the whole plan under
# the worst, middle and best scenarios -> uncertainty (Monte Carlo) -> figures. Every number comes from libplanomsorg; R only arranges and plots.
#
# Usage: Rscript examples/r/plan_municipality.R [MUNICIPALITY [OUTDIR]]
#   MUNICIPALITY  four-digit number on 2024 borders (default 5001 Trondheim)
#   OUTDIR        where figures and CSV tables go (default: planomsorg-plan-<code>)
suppressPackageStartupMessages(library(planomsorg))

args <- commandArgs(trailingOnly = TRUE)
region <- if (length(args) >= 1) args[1] else "5001"
outdir <- if (length(args) >= 2) args[2] else paste0("planomsorg-plan-", region)
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
target <- 0.14          # nursing-home coverage target: places per person 80+ (14 %)
horizon <- 2040

cat(sprintf("Plan for %s (%s), libplanomsorg %s\n\n", data_region_name(region), region,
            planomsorg_version()$runtime))

# 1. Population on 1 January (embedded SSB 07459) and its projection
pop <- data_population(region)
base_year <- max(population_years(pop))
demo <- demography_default(region, as_of_year = base_year - 1L)
proj <- population_project(pop, demo, base_year, horizon)
print(summary(proj$population)$bands[c(1, 5, 10, 15), ], row.names = FALSE)

# The projection's accounting identity, checked on the exported arrays
P <- population_array(proj$population)
flows <- components_array(proj, "aged") + components_array(proj, "births") -
  components_array(proj, "deaths") + components_array(proj, "migration")
gap <- max(abs(P[, , -1] - flows))
cat(sprintf("\nAccounting identity: largest cell difference %.2e persons\n", gap))
stopifnot(gap < 1e-6)

# Demography alternatives: persons 80+ in the horizon year
alts <- sapply(c("low", "main", "high"), function(a) {
  d <- demography_default(region, base_year - 1L, a)
  p <- population_project(pop, d, base_year, horizon, components = FALSE)
  population_sum(p, horizon, 80, NA)
})
cat("Persons 80+ in", horizon, "by alternative:\n")
print(round(alts))

# 2. Services and coverage: long-term places today and what the target needs
kostra <- data_kostra(region, base_year - 1L)
places <- kostra[["longterm"]]
cov_now <- coverage_rate(places, pop, base_year - 1L)
cat(sprintf("\nLong-term residents %d: %.0f, coverage of 80+ %.1f %%\n", base_year - 1L,
            places, 100 * cov_now))
years <- base_year:horizon
fixed <- coverage_path(rep(places, length(years)), proj$population, base_year)
fixed$series <- "capacity held fixed"
below <- coverage_first_below(fixed$coverage, base_year, target)
cat(sprintf("With fixed capacity, coverage falls below %.0f %% in %s\n", 100 * target,
            if (is.na(below)) "no year before the horizon" else below))
add <- coverage_places_to_add(places, target, proj$population, base_year, length(years))
held <- coverage_path(add$capacity, proj$population, base_year)
held$series <- "places added for the target"
cat(sprintf("Places to add by %d to keep %.0f %%: %.0f (capacity %.0f)\n", horizon,
            100 * target, sum(add$added), add$capacity[nrow(add)]))

# 3. Users per level of the care staircase (constant standard from KOSTRA rates),
#    with long-term places held at today's number: the excess is held back one
#    level down (dreining towards 24-hour housing and home nursing).
svc <- services_new(staircase_default())
services_set_rates_kostra(svc, region, base_year - 1L)
free <- services_run(svc, proj$population, base_year, horizon)
services_set_capacity(svc, "long_term", rep(places, length(years)), base_year)
capped <- services_run(svc, proj$population, base_year, horizon)
cat("\nUsers per level (no capacity limit):\n")
print(round(as.data.frame(free)[c(1, 5, 10, length(years)), ]), row.names = FALSE)
q <- result_queue(capped, years = horizon, levels = "long_term")$queue
cat(sprintf("With %.0f long-term places, %.0f persons are held back in %d\n", places, q, horizon))
stopifnot(all(abs(result_users(free, levels = "all")$users -
                  population_sum(proj$population, years)) < 1e-6))

# 4. Staff: FTE demand by competence group, supply and gap (defaults adapted to KOSTRA)
stf <- staffing_default(base_year, length(years), region = region, kostra_year = base_year - 1L)
staff <- staffing_compute(stf, free)
tot <- stats::aggregate(cbind(fte, supply_fte, gap_fte) ~ year, data = staffing_table(staff),
                        FUN = sum)
cat("\nCare staff (FTE):\n")
print(round(tot[c(1, 5, 10, nrow(tot)), ]), row.names = FALSE)
share <- staffing_share_20_66(staff)
cat(sprintf("Care FTE per person 20-66: %.2f %% in %d, %.2f %% in %d\n", 100 * share[1],
            base_year, 100 * share[length(share)], horizon))

# 5. Costs: operating cost of the staff, investment in the places the target needs
cst <- costs_new(8L, base_year, length(years))
costs_set_capacity(cst, "nursing_home", places, add$capacity)
cost <- costs_compute(cst, fte = tot$fte)
ct <- costs_table(cost)
cat(sprintf("\nOperating cost %d: %.0f MNOK; %d: %.0f MNOK\n", base_year, ct$operating[1] / 1e6,
            horizon, ct$operating[nrow(ct)] / 1e6))
cat(sprintf("Net investment in %.0f new places: %.0f MNOK (after state grants %.0f MNOK)\n",
            sum(ct$new_places), sum(ct$investment_net) / 1e6, sum(ct$grant) / 1e6))
cat(sprintf("Present value of all costs %d-%d at 4 %%: %.0f MNOK\n", base_year, horizon,
            costs_pv(cost, "total", 0.04) / 1e6))

# 6. The whole plan: the same chain inside the library, under three scenario bundles
plan <- plan_new(region, base_year, horizon)
for (b in bundle_names()) plan_add_scenario(plan, scenario_new(bundle = b))
res <- plan_run(plan)
print(summary(res))
mid <- plan_result_get(res, "fte_demand", "middle")
stopifnot(abs(plan_result_get(res, "users", "middle") -
              sapply(years, function(y) sum(result_get(plan_result_services(res, "middle"),
                                                       "users", y, 2:8)))) < 1e-6)
band <- cbind(plan_result_band(res, "fte_demand"), fte = mid, series = "FTE demand")
plan_result_write_csv(res, file.path(outdir, "plan.csv"))

# 7. Uncertainty of the middle scenario: healthier ageing and dreining drawn from
#    distributions, 200 reproducible draws of the whole plan
mc <- mc_new_plan(plan, "middle")
mc_set_lever(mc, "health", "triangular", c(0, 0.5, 1))
mc_set_lever(mc, "dreining", "uniform", c(0.85, 1.05))
mc_run(mc, 200, seed = 2026)
fan <- mc_bands(mc, "fte_demand", probs = c(0.05, 0.25, 0.5, 0.75, 0.95))
cat(sprintf("\nFTE demand %d, middle scenario: %.0f (90 %% interval %.0f-%.0f)\n", horizon,
            fan$central[nrow(fan)], fan$p5[nrow(fan)], fan$p95[nrow(fan)]))
utils::write.csv(fan, file.path(outdir, "fte_fan.csv"), row.names = FALSE)

utils::write.csv(population_bands(proj$population, c("67-79", "80-89", "90+", "all")),
                 file.path(outdir, "population_bands.csv"), row.names = FALSE)
utils::write.csv(add, file.path(outdir, "places_to_add.csv"), row.names = FALSE)
utils::write.csv(as.data.frame(free), file.path(outdir, "users_per_level.csv"), row.names = FALSE)
utils::write.csv(staffing_table(staff), file.path(outdir, "staff.csv"), row.names = FALSE)
utils::write.csv(ct, file.path(outdir, "costs.csv"), row.names = FALSE)

# 8. Figures
if (requireNamespace("ggplot2", quietly = TRUE)) {
  save <- function(plot, name) {
    f <- file.path(outdir, name)
    ggplot2::ggsave(f, plot, width = 7, height = 5, dpi = 100)
    cat("wrote", f, "\n")
  }
  save(plot_pyramid(proj$population, horizon), "pyramid.png")
  save(plot_population_bands(proj$population), "elderly.png")
  save(plot_coverage(rbind(fixed, held), target = target,
                     title = "Long-term care places per person 80+"), "coverage.png")
  save(plot_users(free), "users.png")
  save(plot_fte(staff), "fte.png")
  save(plot_fte(band, title = "FTE demand, middle scenario and the worst-best band"),
       "fte_band.png")
  save(plot_fan(fan, title = "FTE demand, middle scenario: Monte Carlo percentiles",
                ylab = "FTE"), "fte_fan.png")
} else {
  cat("ggplot2 is not installed: no figures\n")
}
cat("done\n")
