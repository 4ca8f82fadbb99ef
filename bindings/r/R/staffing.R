# staffing.h and costs.h. Levels and groups are named or 1-based positions.

.stf_const <- function() .Call(C_staffing_constants)

staffing_constants <- function() {
  k <- .stf_const()
  list(limits = k[[1]], measures = k[[2]], default_groups = k[[3]])
}

staffing_new <- function(n_levels, n_groups, first_year, n_years) {
  .Call(C_staffing_new, FALSE, as.integer(n_levels), as.integer(n_groups),
        as.integer(first_year), as.integer(n_years))
}

staffing_default <- function(first_year, n_years, region = NULL, kostra_year = NULL) {
  s <- .Call(C_staffing_new, TRUE, 0L, 0L, as.integer(first_year), as.integer(n_years))
  if (!is.null(kostra_year)) staffing_use_kostra(s, region, kostra_year)
  s
}

staffing_use_kostra <- function(staffing, region = NULL, year) {
  invisible(.Call(C_staffing_use_kostra, staffing, region, as.integer(year)))
}

staffing_copy <- function(staffing) .Call(C_staffing_copy, staffing)

staffing_info <- function(staffing) {
  i <- .Call(C_staffing_info, staffing)
  nl <- i[[1]]
  ng <- i[[2]]
  lv <- attr(staffing, "levels")
  if (is.null(lv) || length(lv) != nl) {
    lv <- if (nl == 8L) staircase_levels(staircase_default())$name else paste0("level", 1:nl)
  }
  list(n_levels = nl, n_groups = ng, first_year = i[[3]], n_years = i[[4]],
       years = seq.int(i[[3]], length.out = i[[4]]), groups = i[[5]], levels = lv,
       fte_per_user = stats::setNames(i[[6]], lv),
       mix = matrix(i[[7]], nl, ng, byrow = TRUE, dimnames = list(level = lv, group = i[[5]])))
}

.group0 <- function(staffing, group) {
  if (is.numeric(group)) return(as.integer(group) - 1L)
  vapply(group, function(g) .Call(C_staffing_find_group, staffing, g), 0L)
}

.slevel0 <- function(staffing, level) .level0(level, staffing_info(staffing)$levels)

staffing_set_group_name <- function(staffing, group, name) {
  invisible(.Call(C_staffing_set_group_name, staffing, .group0(staffing, group), name))
}

staffing_set_fte_per_user <- function(staffing, level, fte) {
  invisible(.Call(C_staffing_set_fte_per_user, staffing, .slevel0(staffing, level),
                  as.double(fte)))
}

staffing_set_hours_per_user <- function(staffing, level, hours_per_week, weeks = 52,
                                        hours_per_fte = 1695) {
  invisible(.Call(C_staffing_set_hours_per_user, staffing, .slevel0(staffing, level),
                  as.double(hours_per_week), as.double(weeks), as.double(hours_per_fte)))
}

staffing_set_mix <- function(staffing, level, shares) {
  invisible(.Call(C_staffing_set_mix, staffing, .slevel0(staffing, level), as.double(shares)))
}

staffing_mix <- function(staffing, level, group) {
  .Call(C_staffing_mix, staffing, .slevel0(staffing, level), .group0(staffing, group))
}

# MIX: matrix [level, group]; the library's layout is [level][group] row-major.
staffing_import_tables <- function(staffing, fte_per_user, mix) {
  mix <- as.matrix(mix)
  invisible(.Call(C_staffing_import_tables, staffing, as.double(fte_per_user),
                  as.double(t(mix))))
}

staffing_set_standard <- function(staffing, path = NULL, growth = NULL) {
  if (!is.null(growth)) .Call(C_staffing_set_factor, staffing, 2L, as.double(growth))
  if (!is.null(path)) .Call(C_staffing_set_factor, staffing, 0L, as.double(path))
  invisible(staffing)
}

staffing_set_productivity <- function(staffing, path = NULL, growth = NULL) {
  if (!is.null(growth)) .Call(C_staffing_set_factor, staffing, 3L, as.double(growth))
  if (!is.null(path)) .Call(C_staffing_set_factor, staffing, 1L, as.double(path))
  invisible(staffing)
}

staffing_factors <- function(staffing, years = NULL) {
  if (is.null(years)) years <- staffing_info(staffing)$years
  f <- .Call(C_staffing_factors, staffing, as.integer(years))
  data.frame(year = as.integer(years), standard = f[, 1], productivity = f[, 2])
}

staffing_group_rates <- function(staffing, years = NULL) {
  info <- staffing_info(staffing)
  if (is.null(years)) years <- info$years
  g <- expand.grid(group = seq_along(info$groups) - 1L, year = as.integer(years))
  f <- .Call(C_staffing_group_rates, staffing, g$group, g$year)
  data.frame(year = g$year, group = info$groups[g$group + 1L], absence = f[, 1],
             position_share = f[, 2], stringsAsFactors = FALSE)
}

staffing_set_absence <- function(staffing, group, rate) {
  invisible(.Call(C_staffing_set_group_value, staffing, 0L, .group0(staffing, group),
                  as.double(rate)))
}

staffing_set_position_share <- function(staffing, group, share) {
  if (length(share) == 1L) {
    .Call(C_staffing_set_group_value, staffing, 1L, .group0(staffing, group), as.double(share))
  } else {
    .Call(C_staffing_set_group_vector, staffing, 0L, .group0(staffing, group),
          as.double(share))
  }
  invisible(staffing)
}

staffing_set_attrition <- function(staffing, group, rate) {
  invisible(.Call(C_staffing_set_group_value, staffing, 2L, .group0(staffing, group),
                  as.double(rate)))
}

staffing_set_fulltime_lever <- function(staffing, increase, cap) {
  invisible(.Call(C_staffing_set_fulltime_lever, staffing, as.double(increase), as.double(cap)))
}

# PERSONS: one total (spread by the default age profile) or one value per age 16..74.
staffing_set_workforce <- function(staffing, group, persons) {
  what <- if (length(persons) == 1L) 3L else 1L
  invisible(.Call(C_staffing_set_group_vector, staffing, what, .group0(staffing, group),
                  as.double(persons)))
}

staffing_set_workforce_bands <- function(staffing, group, persons, age_lo, age_hi) {
  invisible(.Call(C_staffing_set_workforce_bands, staffing, .group0(staffing, group),
                  as.double(persons), as.integer(age_lo), as.integer(age_hi)))
}

staffing_set_recruitment <- function(staffing, group, persons) {
  invisible(.Call(C_staffing_set_group_vector, staffing, 2L, .group0(staffing, group),
                  as.double(persons)))
}

staffing_set_exit_rates <- function(staffing, rate) {
  invisible(.Call(C_staffing_set_age_vector, staffing, 0L, as.double(rate)))
}

staffing_set_recruit_ages <- function(staffing, profile) {
  invisible(.Call(C_staffing_set_age_vector, staffing, 1L, as.double(profile)))
}

# USERS: matrix [year, level] of mean users, or a services result (its users per
# level in the staffing years).
staffing_compute <- function(staffing, users, pop = NULL) {
  info <- staffing_info(staffing)
  if (inherits(users, "planomsorg_result")) {
    if (is.null(pop)) pop <- result_population(users)
    u <- result_users(users, years = info$years)
    users <- matrix(u$users, nrow = length(info$years), byrow = TRUE)
  }
  users <- as.matrix(users)
  r <- .Call(C_staffing_compute, staffing, as.double(t(users)), pop)
  attr(r, "info") <- info[c("years", "groups", "levels")]
  r
}

.smeasure <- function(m) .code(m, .stf_const()[[2]], "staffing measure")

staffing_result_get <- function(result, measure, year, level = NA, group = NA) {
  a <- .recycle(as.integer(year), ifelse(is.na(level), -1L, as.integer(level) - 1L),
                ifelse(is.na(group), -1L, as.integer(group) - 1L))
  .Call(C_staffing_result_get, result, .smeasure(measure), a[[1]], a[[2]], a[[3]])
}

# Demand by year, level and group: array [group, level, year] read from [year][level][group].
staffing_result_array <- function(result, measure = "fte") {
  info <- attr(result, "info")
  x <- .Call(C_staffing_result_export, result, .smeasure(measure))
  ng <- length(info$groups)
  ny <- length(info$years)
  if (length(x) == ny) return(stats::setNames(x, info$years))
  if (length(x) == ng * ny) {
    return(matrix(x, ng, ny, dimnames = list(group = info$groups, year = info$years)))
  }
  array(x, dim = c(ng, length(info$levels), ny),
        dimnames = list(group = info$groups, level = info$levels, year = info$years))
}

# Per year and group: demand (all levels), supply, gap and flows.
staffing_table <- function(result) {
  info <- attr(result, "info")
  g <- expand.grid(group = seq_along(info$groups), year = info$years)
  out <- data.frame(year = g$year, group = info$groups[g$group], stringsAsFactors = FALSE)
  for (m in c("fte_net", "fte", "persons", "supply_persons", "supply_fte", "gap_fte",
              "gap_persons", "exits", "attrition", "recruits")) {
    k <- .code(m, .stf_const()[[2]], "staffing measure")
    out[[m]] <- .Call(C_staffing_result_get, result, k, g$year, rep(-1L, nrow(g)),
                      as.integer(g$group - 1L))
  }
  out
}

staffing_share_20_66 <- function(result) {
  info <- attr(result, "info")
  k <- .code("share_20_66", .stf_const()[[2]], "staffing measure")
  .Call(C_staffing_result_get, result, k, as.integer(info$years), rep(-1L, length(info$years)),
        rep(-1L, length(info$years)))
}

print.planomsorg_staffing <- function(x, ...) {
  i <- staffing_info(x)
  cat(sprintf("<planomsorg_staffing> %d levels, groups %s, %d-%d\n", i$n_levels,
              paste(i$groups, collapse = ", "), i$first_year, i$first_year + i$n_years - 1L))
  print(cbind(fte_per_user = i$fte_per_user, i$mix), digits = 4)
  invisible(x)
}

print.planomsorg_staffing_result <- function(x, ...) {
  t <- staffing_table(x)
  a <- stats::aggregate(cbind(fte, supply_fte, gap_fte) ~ year, data = t, FUN = sum)
  cat("<planomsorg_staffing_result> FTE demand, supply and gap (all groups)\n")
  print(a, row.names = FALSE, digits = 6, ...)
  invisible(x)
}

summary.planomsorg_staffing_result <- function(object, ...) {
  t <- staffing_table(object)
  structure(list(table = t,
                 totals = stats::aggregate(cbind(fte, persons, supply_fte, gap_fte) ~ year,
                                           data = t, FUN = sum)),
            class = "summary.planomsorg_staffing_result")
}

print.summary.planomsorg_staffing_result <- function(x, ...) {
  cat("Staff demand, supply and gap by year (all groups):\n")
  print(x$totals, row.names = FALSE, digits = 6, ...)
  invisible(x)
}

# ---- costs

.cost_const <- function() .Call(C_costs_constants)

costs_constants <- function() {
  k <- .cost_const()
  list(defaults = k[[1]], place_types = k[[2]], measures = k[[3]])
}

costs_new <- function(n_levels, first_year, n_years) {
  .Call(C_costs_new, as.integer(n_levels), as.integer(first_year), as.integer(n_years))
}

costs_copy <- function(costs) .Call(C_costs_copy, costs)

costs_info <- function(costs) {
  i <- .Call(C_costs_info, costs)
  pl <- i[[6]]
  dimnames(pl) <- list(type = .cost_const()[[2]], c("cost", "grant_share", "ceiling"))
  list(n_levels = i[[1]], first_year = i[[2]], n_years = i[[3]],
       years = seq.int(i[[2]], length.out = i[[3]]), cost_per_user = i[[4]],
       cost_per_fte = i[[5]], places = pl)
}

.ptype <- function(type) .code(type, .cost_const()[[2]], "place type")

costs_set_cost_per_user <- function(costs, level, nok) {
  k <- if (is.numeric(level)) as.integer(level) - 1L
       else .level0(level, staircase_levels(staircase_default())$name)
  invisible(.Call(C_costs_set_cost_per_user, costs, k, as.double(nok)))
}

costs_set_cost_per_fte <- function(costs, nok) {
  invisible(.Call(C_costs_set_cost_per_fte, costs, as.double(nok)))
}

costs_set_place_cost <- function(costs, type, nok) {
  invisible(.Call(C_costs_set_place_cost, costs, .ptype(type), as.double(nok)))
}

costs_set_grant <- function(costs, type, share, ceiling = Inf) {
  invisible(.Call(C_costs_set_grant, costs, .ptype(type), as.double(share), as.double(ceiling)))
}

costs_set_capacity <- function(costs, type, initial, capacity) {
  invisible(.Call(C_costs_set_capacity, costs, .ptype(type), as.double(initial),
                  as.double(capacity)))
}

# USERS: matrix [year, level] (or NULL); FTE: one value per year (or NULL).
costs_compute <- function(costs, users = NULL, fte = NULL) {
  if (!is.null(users)) users <- as.double(t(as.matrix(users)))
  if (!is.null(fte)) fte <- as.double(fte)
  r <- .Call(C_costs_compute, costs, users, fte)
  attr(r, "years") <- costs_info(costs)$years
  r
}

.cmeasure <- function(m) .code(m, .cost_const()[[3]], "cost measure")

costs_result_get <- function(result, measure, year, index = NA) {
  a <- .recycle(as.integer(year), ifelse(is.na(index), -1L, as.integer(index) - 1L))
  .Call(C_costs_result_get, result, .cmeasure(measure), a[[1]], a[[2]])
}

costs_table <- function(result) {
  years <- attr(result, "years")
  out <- data.frame(year = years)
  for (m in .cost_const()[[3]]) {
    out[[m]] <- .Call(C_costs_result_export, result, .cmeasure(m), length(years))
  }
  out
}

costs_pv <- function(result, measure = "total", rate, base_year = NULL) {
  if (is.null(base_year)) base_year <- attr(result, "years")[1]
  .Call(C_costs_result_pv, result, .cmeasure(measure), as.double(rate), as.integer(base_year))
}

present_value <- function(values, first_year, rate, base_year = first_year) {
  .Call(C_present_value, as.double(values), as.integer(first_year), as.double(rate),
        as.integer(base_year))
}

print.planomsorg_costs <- function(x, ...) {
  i <- costs_info(x)
  cat(sprintf("<planomsorg_costs> %d levels, %d-%d, %s NOK per FTE\n", i$n_levels,
              i$first_year, i$first_year + i$n_years - 1L,
              format(i$cost_per_fte, big.mark = " ", scientific = FALSE)))
  print(i$places, ...)
  invisible(x)
}

print.planomsorg_costs_result <- function(x, ...) {
  cat("<planomsorg_costs_result> NOK per year\n")
  print(costs_table(x)[, c("year", "operating", "investment_net", "total")],
        row.names = FALSE, digits = 6, ...)
  invisible(x)
}

summary.planomsorg_costs_result <- function(object, rate = 0.04, ...) {
  t <- costs_table(object)
  pv <- vapply(c("operating", "investment_net", "grant", "total"),
               function(m) costs_pv(object, m, rate), 0)
  structure(list(table = t, pv = pv, rate = rate), class = "summary.planomsorg_costs_result")
}

print.summary.planomsorg_costs_result <- function(x, ...) {
  cat("Costs per year (NOK):\n")
  print(x$table, row.names = FALSE, digits = 6, ...)
  cat(sprintf("\nPresent values at %.1f %% to %d (NOK):\n", 100 * x$rate, x$table$year[1]))
  print(x$pv, digits = 6, ...)
  invisible(x)
}
