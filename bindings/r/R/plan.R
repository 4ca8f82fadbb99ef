# scenario.h, plan.h, ssbproj.h, align.h: scenarios, the whole plan, SSB tables.

.plan_const <- function() .Call(C_plan_constants)

levers <- function() {
  k <- .plan_const()
  data.frame(lever = k[[1]], neutral = k[[2]][, 1], lo = k[[2]][, 2], hi = k[[2]][, 3],
             stringsAsFactors = FALSE)
}

bundle_names <- function() .plan_const()[[3]]

plan_measures <- function() {
  k <- .plan_const()
  data.frame(measure = k[[4]], by_level = k[[5]][, 1], by_group = k[[5]][, 2],
             stringsAsFactors = FALSE)
}

.lever <- function(lever) {
  if (is.numeric(lever)) return(as.integer(lever))
  .Call(C_lever_find, lever)
}

# ---- scenarios

scenario_new <- function(name = NULL, bundle = NULL) {
  if (!is.null(bundle)) {
    b <- if (is.numeric(bundle)) as.integer(bundle) else .Call(C_bundle_find, bundle)
    s <- .Call(C_scenario_new, NULL, b)
    if (!is.null(name)) scenario_set_name(s, name)
    return(s)
  }
  if (is.null(name)) stop("give a scenario name or a bundle", call. = FALSE)
  .Call(C_scenario_new, name, 0L)
}

scenario_copy <- function(scenario) .Call(C_scenario_copy, scenario)

scenario_info <- function(scenario) {
  i <- .Call(C_scenario_info, scenario)
  list(name = i[[1]], demography = .demo_const()$alternatives[i[[2]] + 1L],
       is_path = stats::setNames(i[[3]], levers()$lever),
       capacities = scenario_capacities(scenario))
}

scenario_name <- function(scenario) .Call(C_scenario_info, scenario)[[1]]

scenario_set_name <- function(scenario, name) {
  invisible(.Call(C_scenario_set_name, scenario, name))
}

scenario_set_demography <- function(scenario, alternative) {
  invisible(.Call(C_scenario_set_demography, scenario, .alt(alternative)))
}

# One value for every year, or a path from FIRST_YEAR.
scenario_set_lever <- function(scenario, lever, value, first_year = NULL) {
  if (is.null(first_year)) {
    if (length(value) != 1L) stop("a path needs 'first_year'", call. = FALSE)
    .Call(C_scenario_set_value, scenario, .lever(lever), as.double(value))
  } else {
    .Call(C_scenario_set_path, scenario, .lever(lever), as.double(value),
          as.integer(first_year))
  }
  invisible(scenario)
}

scenario_set_ramp <- function(scenario, lever, start_year, start_value, end_year, end_value) {
  invisible(.Call(C_scenario_set_ramp, scenario, .lever(lever), as.integer(start_year),
                  as.double(start_value), as.integer(end_year), as.double(end_value)))
}

scenario_lever <- function(scenario, lever, years) {
  .Call(C_scenario_lever, scenario, 0L, .lever(lever), as.integer(years), 0L)
}

scenario_growth_factor <- function(scenario, lever, base_year, years) {
  .Call(C_scenario_lever, scenario, 1L, .lever(lever), as.integer(years),
        as.integer(base_year))
}

scenario_table <- function(scenario, years) {
  out <- data.frame(year = as.integer(years))
  for (l in levers()$lever) out[[l]] <- scenario_lever(scenario, l, years)
  out
}

scenario_set_capacity <- function(scenario, level, places, first_year) {
  invisible(.Call(C_scenario_set_capacity, scenario, level, as.double(places),
                  as.integer(first_year)))
}

# Coverage target: places = target x persons in [age_lo, age_hi] of the scenario's population.
scenario_set_coverage_target <- function(scenario, level, targets, first_year, age_lo = 80L,
                                         age_hi = NA) {
  invisible(.Call(C_scenario_set_coverage_target, scenario, level, as.double(targets),
                  as.integer(first_year), as.integer(age_lo), .age_hi(age_hi)))
}

# One row per level and year: places, or a coverage target with its age band.
scenario_capacities <- function(scenario) {
  l <- .Call(C_scenario_capacities, scenario)
  if (!length(l)) {
    return(data.frame(level = character(), year = integer(), value = numeric(),
                      kind = character(), age_lo = integer(), age_hi = integer(),
                      stringsAsFactors = FALSE))
  }
  do.call(rbind, lapply(l, function(e) {
    tg <- e[[4]]
    data.frame(level = e[[1]], year = seq.int(e[[2]], length.out = length(e[[3]])),
               value = e[[3]], kind = if (tg[1] == 1L) "coverage_target" else "places",
               age_lo = if (tg[1] == 1L) tg[2] else NA_integer_,
               age_hi = if (tg[1] == 1L && tg[3] >= 0L) tg[3] else NA_integer_,
               stringsAsFactors = FALSE)
  }))
}

print.planomsorg_scenario <- function(x, ...) {
  i <- scenario_info(x)
  cat(sprintf("<planomsorg_scenario> '%s', demography %s\n", i$name, i$demography))
  y <- c(2030L, 2040L)
  t <- scenario_table(x, y)
  print(t, row.names = FALSE, ...)
  if (nrow(i$capacities)) cat(sprintf("capacity plans for: %s\n",
                                      paste(unique(i$capacities$level), collapse = ", ")))
  invisible(x)
}

# ---- plan

plan_new <- function(region = NULL, base_year = 2026L, last_year = 2040L) {
  .Call(C_plan_new, region, as.integer(base_year), as.integer(last_year))
}

plan_read_yaml <- function(path) .Call(C_plan_read_yaml, path.expand(path))

plan_parse_yaml <- function(text, source = NULL) {
  .Call(C_plan_parse_yaml, .as_raw(text), source)
}

plan_info <- function(plan) {
  i <- .Call(C_plan_info, plan)
  list(region = i[[1]], base_year = i[[2]], last_year = i[[3]], scenarios = i[[4]],
       staircase = i[[5]])
}

plan_scenario <- function(plan, scenario) {
  k <- if (is.numeric(scenario)) as.integer(scenario) else match(scenario, plan_info(plan)$scenarios)
  if (is.na(k)) stop(sprintf("no scenario '%s' in this plan", scenario), call. = FALSE)
  .Call(C_plan_scenario, plan, k - 1L)
}

plan_set_region <- function(plan, region = NULL) {
  invisible(.Call(C_plan_set_region, plan, region))
}

plan_set_years <- function(plan, base_year, last_year) {
  invisible(.Call(C_plan_set_years, plan, as.integer(base_year), as.integer(last_year)))
}

plan_set_population <- function(plan, pop = NULL) invisible(.Call(C_plan_set_object, plan, 0L, pop))

plan_set_staircase <- function(plan, sc) invisible(.Call(C_plan_set_object, plan, 1L, sc))

plan_set_transitions <- function(plan, tr = NULL) invisible(.Call(C_plan_set_object, plan, 2L, tr))

plan_set_staffing <- function(plan, staffing = NULL) {
  invisible(.Call(C_plan_set_object, plan, 3L, staffing))
}

plan_set_costs <- function(plan, costs = NULL) invisible(.Call(C_plan_set_object, plan, 4L, costs))

plan_add_scenario <- function(plan, scenario) {
  invisible(.Call(C_plan_set_object, plan, 5L, scenario))
}

plan_clear_scenarios <- function(plan) invisible(.Call(C_plan_scenarios_edit, plan, 0L, NULL))

plan_keep_scenario <- function(plan, name) invisible(.Call(C_plan_scenarios_edit, plan, 1L, name))

plan_set_alignment <- function(plan, proj = NULL, region = NULL) {
  invisible(.Call(C_plan_set_alignment, plan, proj, region))
}

plan_set_rates <- function(plan, rates, band_lo) {
  d <- dim(rates)
  if (length(d) != 3L) stop("'rates' must be an array [level, band, sex]", call. = FALSE)
  invisible(.Call(C_plan_set_rates, plan, as.double(aperm(rates, c(3L, 2L, 1L))),
                  as.integer(band_lo)))
}

plan_set_rates_kostra <- function(plan, year) {
  invisible(.Call(C_plan_set_rates_kostra, plan, as.integer(year)))
}

plan_set_place_type <- function(plan, level, type) {
  lv <- staircase_levels(plan_info(plan)$staircase)$name
  t <- if (is.na(type) || identical(type, "none")) -1L else .ptype(type)
  invisible(.Call(C_plan_set_place_type, plan, .level0(level, lv), t))
}

plan_run <- function(plan, progress = FALSE) .Call(C_plan_run, plan, isTRUE(progress))

print.planomsorg_plan <- function(x, ...) {
  i <- plan_info(x)
  cat(sprintf("<planomsorg_plan> %s (%s), %d-%d, %d levels, scenarios: %s\n",
              data_region_name(i$region), i$region, i$base_year, i$last_year,
              nrow(staircase_levels(i$staircase)),
              if (length(i$scenarios)) paste(i$scenarios, collapse = ", ")
              else "none (the middle bundle runs)"))
  invisible(x)
}

# ---- plan results

plan_result_info <- function(result) {
  i <- .Call(C_plan_result_info, result)
  list(region = i[[1]], first_year = i[[2]], last_year = i[[3]],
       years = seq.int(i[[2]], i[[3]]), scenarios = i[[4]], levels = i[[5]], groups = i[[6]])
}

.pmeasure <- function(m) {
  if (is.numeric(m)) return(as.integer(m))
  u <- unique(m)
  codes <- vapply(u, function(x) .Call(C_plan_measure_find, x), 0L)
  unname(codes[match(m, u)])
}

.scen0 <- function(result, scenario, info) {
  if (is.numeric(scenario)) return(as.integer(scenario) - 1L)
  u <- unique(scenario)
  codes <- vapply(u, function(s) .Call(C_plan_result_find_scenario, result, s), 0L)
  unname(codes[match(scenario, u)])
}

.lg0 <- function(x, names) {
  if (length(x) == 1L && (is.na(x) || identical(x, "all"))) return(-1L)
  .level0(x, names)
}

plan_result_get <- function(result, measure, scenario = 1L, years = NULL, level = NA,
                            group = NA) {
  i <- plan_result_info(result)
  if (is.null(years)) years <- i$years
  lv <- .lg0(level, i$levels)
  gr <- .lg0(group, i$groups)
  a <- .recycle(.scen0(result, scenario, i), as.integer(years), .pmeasure(measure), lv, gr)
  .Call(C_plan_result_get, result, a[[1]], a[[2]], a[[3]], a[[4]], a[[5]])
}

# Long table in the layout of plan_result_write_csv().
plan_result_table <- function(result, measures = plan_measures()$measure, scenarios = NULL) {
  i <- plan_result_info(result)
  if (is.null(scenarios)) scenarios <- i$scenarios
  md <- plan_measures()
  # rows of one (scenario, year): per measure the total, then levels, then groups
  ml <- lapply(measures, function(m) {
    d <- md[md$measure == m, ]
    lv <- c("all", if (d$by_level) i$levels)
    gr <- if (d$by_group) i$groups else character()
    list(measure = rep(m, length(lv) + length(gr)),
         level = c(lv, rep("all", length(gr))), group = c(rep("all", length(lv)), gr))
  })
  block <- list(measure = unlist(lapply(ml, `[[`, "measure")),
                level = unlist(lapply(ml, `[[`, "level")),
                group = unlist(lapply(ml, `[[`, "group")))
  nb <- length(block$measure)
  ny <- length(i$years)
  ns <- length(scenarios)
  t <- data.frame(scenario = rep(scenarios, each = ny * nb),
                  year = rep(rep(i$years, each = nb), times = ns),
                  measure = rep(block$measure, times = ny * ns),
                  level = rep(block$level, times = ny * ns),
                  group = rep(block$group, times = ny * ns), stringsAsFactors = FALSE)
  t$value <- .Call(C_plan_result_get, result, .scen0(result, t$scenario, i),
                   as.integer(t$year), .pmeasure(t$measure),
                   match(t$level, i$levels, nomatch = 0L) - 1L,
                   match(t$group, i$groups, nomatch = 0L) - 1L)
  t
}

# Wide: one row per scenario and year, the totals of the chosen measures.
plan_result_summary_table <- function(result,
                                      measures = c("population_80p", "users", "queue",
                                                   "coverage_24h_80p", "fte_demand",
                                                   "fte_gap", "cost_total")) {
  i <- plan_result_info(result)
  g <- expand.grid(year = i$years, scenario = i$scenarios, stringsAsFactors = FALSE,
                   KEEP.OUT.ATTRS = FALSE)
  out <- data.frame(scenario = g$scenario, year = g$year, stringsAsFactors = FALSE)
  for (m in measures) {
    out[[m]] <- .Call(C_plan_result_get, result, .scen0(result, g$scenario, i),
                      as.integer(g$year), rep(.pmeasure(m), nrow(g)), rep(-1L, nrow(g)),
                      rep(-1L, nrow(g)))
  }
  out
}

plan_result_band <- function(result, measure, years = NULL, level = NA, group = NA) {
  i <- plan_result_info(result)
  if (is.null(years)) years <- i$years
  b <- .Call(C_plan_result_band, result, as.integer(years), .pmeasure(measure),
             .lg0(level, i$levels), .lg0(group, i$groups))
  data.frame(year = as.integer(years), lower = b[, 1], upper = b[, 2])
}

plan_result_pv <- function(result, measure = "cost_total", scenario = 1L, rate = 0.04) {
  i <- plan_result_info(result)
  .Call(C_plan_result_pv, result, .scen0(result, scenario, i), .pmeasure(measure),
        as.double(rate))
}

plan_result_services <- function(result, scenario = 1L) {
  i <- plan_result_info(result)
  r <- .Call(C_plan_result_services, result, .scen0(result, scenario, i))
  attr(r, "levels") <- i$levels
  r
}

plan_result_write_csv <- function(result, path) {
  .Call(C_plan_result_write_csv, result, path.expand(path))
  invisible(path)
}

print.planomsorg_plan_result <- function(x, ...) {
  i <- plan_result_info(x)
  cat(sprintf("<planomsorg_plan_result> %s (%s), %d-%d, scenarios: %s\n",
              data_region_name(i$region), i$region, i$first_year, i$last_year,
              paste(i$scenarios, collapse = ", ")))
  t <- plan_result_summary_table(x)
  t <- t[t$year %in% unique(c(i$first_year, i$last_year)), ]
  print(t, row.names = FALSE, digits = 6, ...)
  invisible(x)
}

summary.planomsorg_plan_result <- function(object, rate = 0.04, ...) {
  i <- plan_result_info(object)
  pv <- vapply(i$scenarios, function(s) plan_result_pv(object, "cost_total", s, rate), 0)
  structure(list(info = i, table = plan_result_summary_table(object),
                 band = plan_result_band(object, "fte_demand"), pv = pv, rate = rate),
            class = "summary.planomsorg_plan_result")
}

print.summary.planomsorg_plan_result <- function(x, ...) {
  cat(sprintf("Plan for %s (%s), %d-%d\n", data_region_name(x$info$region), x$info$region,
              x$info$first_year, x$info$last_year))
  y <- x$info$years
  show <- y[(y - y[1]) %% 5L == 0L | y == y[length(y)]]
  cat("(milestone years; the summary object holds every year)\n")
  print(x$table[x$table$year %in% show, ], row.names = FALSE, digits = 6, ...)
  cat("\nFTE demand, band over scenarios:\n")
  print(x$band[x$band$year %in% show, ], row.names = FALSE, digits = 6, ...)
  cat(sprintf("\nPresent value of total costs at %.1f %% (NOK):\n", 100 * x$rate))
  print(x$pv, digits = 6, ...)
  invisible(x)
}

# ---- SSB projection tables and alignment

ssbproj_alternatives <- function() {
  k <- .plan_const()
  data.frame(name = k[[6]], label = k[[7]], stringsAsFactors = FALSE)
}

.ssb_alt <- function(a) {
  if (is.numeric(a)) return(as.integer(a))
  .Call(C_ssbproj_alternative_parse, a)
}

ssbproj_read <- function(path) .Call(C_ssbproj_read, path.expand(path))

ssbproj_parse <- function(text, source = NULL) .Call(C_ssbproj_parse, .as_raw(text), source)

ssbproj_info <- function(proj) {
  i <- .Call(C_ssbproj_info, proj)
  list(round = i[[1]], first_year = i[[2]], n_years = i[[3]],
       years = seq.int(i[[2]], length.out = i[[3]]), regions = i[[4]],
       alternatives = ssbproj_alternatives()$name[i[[5]]],
       groups = data.frame(age_lo = i[[6]], age_hi = i[[7]], label = i[[8]],
                           stringsAsFactors = FALSE))
}

ssbproj_find_region <- function(proj, region = NULL) {
  ssbproj_info(proj)$regions[.Call(C_ssbproj_find_region, proj, region) + 1L]
}

# Matrix [year, group] of one region and alternative (library layout [year][group]).
ssbproj_table <- function(proj, region = NULL, alternative = "main") {
  i <- ssbproj_info(proj)
  x <- .Call(C_ssbproj_table, proj, region, .ssb_alt(alternative))
  matrix(x, nrow = i$n_years, byrow = TRUE,
         dimnames = list(year = as.character(i$years), group = i$groups$label))
}

ssbproj_band <- function(proj, region = NULL, alternative = "main", years = NULL,
                         age_lo = 80L, age_hi = NA) {
  if (is.null(years)) years <- ssbproj_info(proj)$years
  .Call(C_ssbproj_band, proj, region, .ssb_alt(alternative), as.integer(years),
        as.integer(age_lo), .age_hi(age_hi))
}

.report <- function(l, age_lo, age_hi) {
  ny <- ncol(l[[2]])
  ng <- nrow(l[[2]])
  years <- seq.int(l[[1]], length.out = ny)
  out <- data.frame(year = rep(years, each = ng), group = rep(seq_len(ng), times = ny),
                    age_lo = rep(age_lo, times = ny), age_hi = rep(age_hi, times = ny),
                    before = as.vector(l[[2]]), after = as.vector(l[[3]]),
                    factor = as.vector(l[[4]]))
  attr(out, "sex") <- data.frame(year = rep(years, each = 2L),
                                 sex = rep(c("female", "male"), times = ny),
                                 before = as.vector(l[[5]]), after = as.vector(l[[6]]),
                                 stringsAsFactors = FALSE)
  attr(out, "iterations") <- l[[7]]
  out
}

ssbproj_align <- function(pop, proj, region = NULL, alternative = "main") {
  l <- .Call(C_ssbproj_align, pop, proj, region, .ssb_alt(alternative))
  g <- ssbproj_info(proj)$groups
  .report(l, g$age_lo, g$age_hi)
}

# TARGETS: matrix [year, group]; SEX_TARGETS: matrix [year, sex] or NULL.
align_groups <- function(pop, first_year, targets, age_lo, age_hi, sex_targets = NULL,
                         tolerance = 1e-12, max_iter = 1000L) {
  targets <- as.matrix(targets)
  if (ncol(targets) != length(age_lo)) {
    stop("'targets' must have one column per group", call. = FALSE)
  }
  st <- if (is.null(sex_targets)) NULL else as.double(t(as.matrix(sex_targets)))
  l <- .Call(C_align_groups, pop, as.integer(first_year), nrow(targets), as.integer(age_lo),
             .age_hi(age_hi), as.double(t(targets)), st, as.double(tolerance),
             as.integer(max_iter))
  .report(l, as.integer(age_lo), as.integer(ifelse(is.na(age_hi), NA, age_hi)))
}

print.planomsorg_ssbproj <- function(x, ...) {
  i <- ssbproj_info(x)
  cat(sprintf("<planomsorg_ssbproj> round %d, %d-%d, %d regions, %d age groups, %s\n",
              i$round, i$first_year, i$first_year + i$n_years - 1L, length(i$regions),
              nrow(i$groups), paste(i$alternatives, collapse = "/")))
  invisible(x)
}

summary.planomsorg_plan <- function(object, ...) {
  i <- plan_info(object)
  years <- unique(c(i$base_year, seq(i$base_year, i$last_year, by = 5L), i$last_year))
  sc <- lapply(seq_along(i$scenarios), function(k) {
    s <- plan_scenario(object, k)
    cbind(scenario = i$scenarios[k], demography = scenario_info(s)$demography,
          scenario_table(s, years))
  })
  structure(list(info = i, levels = staircase_levels(i$staircase),
                 levers = if (length(sc)) do.call(rbind, sc) else NULL),
            class = "summary.planomsorg_plan")
}

print.summary.planomsorg_plan <- function(x, ...) {
  cat(sprintf("Plan for %s (%s), %d-%d\n\nStaircase:\n", data_region_name(x$info$region),
              x$info$region, x$info$base_year, x$info$last_year))
  print(x$levels, row.names = FALSE, ...)
  if (is.null(x$levers)) {
    cat("\nNo scenarios: the middle bundle runs.\n")
  } else {
    cat("\nScenario levers:\n")
    print(x$levers, row.names = FALSE, digits = 4, ...)
  }
  invisible(x)
}
