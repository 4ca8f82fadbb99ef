# demography.h: rates, life tables, default assumptions, the projection.

.demo_const <- function() .Call(C_demography_constants)

demography_constants <- function() .demo_const()

.demo_dims <- function(demo) {
  d <- .Call(C_demography_dims, demo)
  list(first_year = d[1], n_years = d[2], max_age = d[3],
       years = seq.int(d[1], length.out = d[2]))
}

demography_new <- function(first_year, n_years = 1L, max_age = 105L) {
  .Call(C_demography_new, as.integer(first_year), as.integer(n_years), as.integer(max_age))
}

demography_copy <- function(demo) .Call(C_demography_copy, demo)

.alt <- function(x) .code(x, .demo_const()$alternatives, "alternative")

demography_default <- function(region = NULL, as_of_year = 2025L, alternative = "main",
                               fertility = alternative, life_expectancy = alternative,
                               migration = alternative) {
  .Call(C_demography_default, region, as.integer(as_of_year), .alt(fertility),
        .alt(life_expectancy), .alt(migration))
}

demography_years <- function(demo) .demo_dims(demo)$years

demography_set_mortality <- function(demo, year, sex, values, kind = "rate") {
  k <- .code(kind, .demo_const()$mortality_kinds, "mortality kind")
  invisible(.Call(C_demography_set_mortality, demo, as.integer(year), .sex(sex, FALSE), k,
                  as.double(values)))
}

demography_set_fertility <- function(demo, year, asfr) {
  invisible(.Call(C_demography_set_fertility, demo, as.integer(year), as.double(asfr)))
}

demography_set_sex_ratio <- function(demo, year, boys_per_girl) {
  invisible(.Call(C_demography_set_sex_ratio, demo, as.integer(year), as.double(boys_per_girl)))
}

demography_set_migration <- function(demo, year, sex, values, kind = "counts") {
  k <- .code(kind, .demo_const()$migration_kinds, "migration kind")
  invisible(.Call(C_demography_set_migration, demo, as.integer(year), .sex(sex, FALSE), k,
                  as.double(values)))
}

demography_improve_mortality <- function(demo, base_year, decline) {
  invisible(.Call(C_demography_improve_mortality, demo, as.integer(base_year),
                  as.double(decline)))
}

demography_scale_to_e0 <- function(demo, year, sex, e0) {
  invisible(.Call(C_demography_scale_to_e0, demo, as.integer(year), .sex(sex, FALSE),
                  as.double(e0)))
}

demography_scale <- function(demo, component, from_year, to_year = from_year, factor) {
  k <- .code(component, .demo_const()$components, "component")
  invisible(.Call(C_demography_scale, demo, k, as.integer(from_year), as.integer(to_year),
                  as.double(factor)))
}

.demo_what <- c(death_rate = 0L, death_probability = 1L, fertility = 2L, migration = 3L,
                life_expectancy = 4L)

demography_get <- function(demo, what, year, sex, age) {
  w <- .code(what, names(.demo_what), "quantity")
  a <- .recycle(as.integer(year), .sex(sex, FALSE), as.integer(age))
  .Call(C_demography_get, demo, w, a[[1]], a[[2]], a[[3]])
}

demography_table <- function(demo, years = NULL) {
  d <- .demo_dims(demo)
  if (is.null(years)) years <- d$years
  g <- expand.grid(age = 0:d$max_age, sex = c("female", "male"), year = as.integer(years),
                   KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)
  g <- g[, c("year", "sex", "age")]
  for (w in c("death_rate", "death_probability", "migration", "fertility")) {
    g[[w]] <- demography_get(demo, w, g$year, g$sex, g$age)
  }
  g$fertility[g$sex == "male"] <- NA_real_
  g
}

demography_life_expectancy <- function(demo, year, sex = c("female", "male"), age = 0L) {
  g <- expand.grid(age = as.integer(age), sex = sex, year = as.integer(year),
                   KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)
  data.frame(year = g$year, sex = g$sex, age = g$age,
             life_expectancy = demography_get(demo, "life_expectancy", g$year, g$sex, g$age),
             stringsAsFactors = FALSE)
}

demography_tfr <- function(demo, year = NULL) {
  if (is.null(year)) year <- demography_years(demo)
  .Call(C_demography_year, demo, 0L, as.integer(year))
}

demography_sex_ratio <- function(demo, year = NULL) {
  if (is.null(year)) year <- demography_years(demo)
  .Call(C_demography_year, demo, 1L, as.integer(year))
}

demography_migration_kind <- function(demo, year = NULL) {
  if (is.null(year)) year <- demography_years(demo)
  k <- .Call(C_demography_year, demo, 2L, as.integer(year))
  .demo_const()$migration_kinds[k + 1L]
}

life_table <- function(m, sex = "female") {
  r <- .Call(C_life_table, as.double(m), .sex(sex, FALSE))
  data.frame(age = seq_along(m) - 1L, m = as.double(m), q = r[[1]], e = r[[2]])
}

infant_a0 <- function(m0, sex = "female") {
  vapply(as.double(m0), function(v) .Call(C_infant_a0, v, .sex(sex, FALSE)), 0)
}

# ---- projection and components

population_project <- function(base, demo, base_year = NULL, last_year,
                               components = TRUE) {
  if (is.null(base_year)) base_year <- utils::tail(population_years(base), 1L)
  r <- .Call(C_population_project, base, as.integer(base_year), as.integer(last_year), demo,
             isTRUE(components))
  if (!isTRUE(components)) return(r[[1]])
  structure(list(population = r[[1]], components = r[[2]]), class = "planomsorg_projection")
}

component_names <- function() .demo_const()$components

components_array <- function(comp, component) {
  if (inherits(comp, "planomsorg_projection")) comp <- comp$components
  k <- .code(component, component_names(), "component")
  d <- .Call(C_components_dims, comp)
  x <- .Call(C_components_export, comp, k)
  dimnames(x) <- list(age = as.character(0:d[3]), sex = c("female", "male"),
                      year = as.character(seq.int(d[1], length.out = d[2])))
  x
}

components_table <- function(comp) {
  if (inherits(comp, "planomsorg_projection")) comp <- comp$components
  d <- .Call(C_components_dims, comp)
  out <- data.frame(year = rep(seq.int(d[1], length.out = d[2]), each = 2L * (d[3] + 1L)),
                    sex = rep(rep(c("female", "male"), each = d[3] + 1L), times = d[2]),
                    age = rep(0:d[3], times = 2L * d[2]), stringsAsFactors = FALSE)
  for (k in component_names()) out[[k]] <- as.vector(components_array(comp, k))
  out
}

components_sum <- function(comp, component, year, sex = "both", age_lo = 0L, age_hi = NA) {
  if (inherits(comp, "planomsorg_projection")) comp <- comp$components
  k <- .code(component, component_names(), "component")
  a <- .recycle(as.integer(year), .sex(sex), as.integer(age_lo), .age_hi(age_hi))
  .Call(C_components_sum, comp, k, a[[1]], a[[2]], a[[3]], a[[4]])
}

components_get <- function(comp, component, year, sex, age) {
  if (inherits(comp, "planomsorg_projection")) comp <- comp$components
  k <- .code(component, component_names(), "component")
  a <- .recycle(as.integer(year), .sex(sex), as.integer(age))
  .Call(C_components_get, comp, k, a[[1]], a[[2]], a[[3]])
}

components_clamped <- function(comp) {
  if (inherits(comp, "planomsorg_projection")) comp <- comp$components
  v <- .Call(C_components_clamped, comp)
  list(persons = v[1], cells = v[2])
}

# Totals per year of the flows (both sexes, all ages).
.projection_flows <- function(x) {
  d <- .Call(C_components_dims, x$components)
  years <- seq.int(d[1], length.out = d[2])
  out <- data.frame(year = years)
  for (k in c("births", "deaths", "migration")) out[[k]] <- components_sum(x, k, years)
  out
}

print.planomsorg_demography <- function(x, ...) {
  d <- .demo_dims(x)
  cat(sprintf("<planomsorg_demography> %d-%d, ages 0-%d (%d+ open)\n", d$first_year,
              d$first_year + d$n_years - 1L, d$max_age, d$max_age))
  invisible(x)
}

summary.planomsorg_demography <- function(object, ...) {
  d <- .demo_dims(object)
  yrs <- unique(c(d$years[1], d$years[pmin(d$n_years, c(6L, 26L))], d$years[d$n_years]))
  e0 <- demography_life_expectancy(object, yrs)
  e0w <- stats::reshape(e0[, c("year", "sex", "life_expectancy")], idvar = "year",
                        timevar = "sex", direction = "wide")
  names(e0w) <- c("year", "e0_female", "e0_male")
  e0w$tfr <- demography_tfr(object, yrs)
  e0w$sex_ratio <- demography_sex_ratio(object, yrs)
  e0w$migration_kind <- demography_migration_kind(object, yrs)
  rownames(e0w) <- NULL
  structure(list(dims = d, table = e0w), class = "summary.planomsorg_demography")
}

print.summary.planomsorg_demography <- function(x, ...) {
  cat(sprintf("Demography %d-%d, ages 0-%d\n", x$dims$first_year,
              x$dims$first_year + x$dims$n_years - 1L, x$dims$max_age))
  print(x$table, row.names = FALSE, digits = 4, ...)
  invisible(x)
}

print.planomsorg_projection <- function(x, ...) {
  d <- .pop_dims(x$population)
  cat(sprintf("<planomsorg_projection> %d-%d\n", d$first_year, d$first_year + d$n_years - 1L))
  print(x$population, ...)
  invisible(x)
}

summary.planomsorg_projection <- function(object, ...) {
  flows <- .projection_flows(object)
  cl <- components_clamped(object)
  structure(list(population = summary(object$population), flows = flows, clamped = cl),
            class = "summary.planomsorg_projection")
}

print.summary.planomsorg_projection <- function(x, ...) {
  print(x$population, ...)
  cat("\nFlows per year (both sexes):\n")
  print(x$flows, row.names = FALSE, digits = 6, ...)
  if (x$clamped$cells > 0) {
    cat(sprintf("\nClamped net emigration: %.1f persons in %d cells\n", x$clamped$persons,
                as.integer(x$clamped$cells)))
  }
  invisible(x)
}

print.planomsorg_components <- function(x, ...) {
  d <- .Call(C_components_dims, x)
  cat(sprintf("<planomsorg_components> flows %d-%d, ages 0-%d\n", d[1], d[1] + d[2] - 1L, d[3]))
  invisible(x)
}
