# staircase.h, transitions.h, services.h, result.h.
# Levels are named, or given as 1-based positions (level 1 is the lowest).

.sc_const <- function() .Call(C_staircase_constants)

staircase_constants <- function() {
  k <- .sc_const()
  list(level_kinds = k[[1]], level_flags = k[[2]], modes = k[[3]], quantities = k[[4]],
       limits = k[[5]])
}

staircase_new <- function() .Call(C_staircase_new, FALSE)

staircase_default <- function() .Call(C_staircase_new, TRUE)

staircase_copy <- function(sc) .Call(C_staircase_copy, sc)

.flag_bits <- function(flags) {
  if (is.numeric(flags)) return(as.integer(sum(flags)))
  names <- .sc_const()[[2]]
  i <- .code(flags, names, "level flag")
  as.integer(sum(bitwShiftL(1L, i)))
}

staircase_add_level <- function(sc, name, kind = "home", flags = character()) {
  k <- .code(kind, .sc_const()[[1]], "level kind")
  invisible(.Call(C_staircase_add_level, sc, name, k, .flag_bits(flags)))
}

staircase_levels <- function(sc) {
  l <- .Call(C_staircase_levels, sc)
  kinds <- .sc_const()[[1]]
  data.frame(level = seq_along(l[[1]]), name = l[[1]], kind = kinds[l[[2]] + 1L],
             coverage_24h = bitwAnd(l[[3]], 1L) != 0L,
             capacity_limited = bitwAnd(l[[3]], 2L) != 0L, stringsAsFactors = FALSE)
}

staircase_find <- function(sc, level) .Call(C_staircase_find, sc, as.character(level)) + 1L

staircase_levels_with_flags <- function(sc, flags) {
  i <- .Call(C_staircase_levels_with_flags, sc, .flag_bits(flags)) + 1L
  stats::setNames(i, staircase_levels(sc)$name[i])
}

# 0-based index of LEVEL (names or 1-based positions) among NAMES.
.level0 <- function(level, names) {
  if (is.numeric(level)) return(as.integer(level) - 1L)
  i <- match(level, names)
  if (anyNA(i)) {
    stop(sprintf("unknown level '%s' (levels: %s)", level[is.na(i)][1],
                 paste(names, collapse = ", ")), call. = FALSE)
  }
  i - 1L
}

print.planomsorg_staircase <- function(x, ...) {
  l <- staircase_levels(x)
  cat(sprintf("<planomsorg_staircase> %d levels\n", nrow(l)))
  print(l, row.names = FALSE, ...)
  invisible(x)
}

# ---- transitions

transitions_new <- function(n_levels, band_lo = 0L, first_year = 0L, n_years = 0L) {
  .Call(C_transitions_new, as.integer(n_levels), as.integer(band_lo), as.integer(first_year),
        as.integer(n_years))
}

transitions_copy <- function(tr) .Call(C_transitions_copy, tr)

transitions_read_csv <- function(path, sc) .Call(C_transitions_read_csv, path.expand(path), sc)

transitions_parse_csv <- function(text, sc, source = NULL) {
  .Call(C_transitions_parse_csv, .as_raw(text), source, sc)
}

transitions_info <- function(tr) {
  i <- .Call(C_transitions_info, tr)
  list(n_levels = i[[1]], band_lo = i[[2]], first_year = i[[3]], n_years = i[[4]])
}

.band0 <- function(tr, age_from) {
  lo <- transitions_info(tr)$band_lo
  b <- match(as.integer(age_from), lo)
  if (anyNA(b)) {
    stop(sprintf("no band starts at age %s (bands start at %s)", age_from,
                 paste(lo, collapse = ", ")), call. = FALSE)
  }
  b - 1L
}

# M is an R matrix [from, to]; rows sum to 1.
transitions_set_matrix <- function(tr, m, age_from = 0L, sex = "both", year = 0L) {
  m <- as.matrix(m)
  storage.mode(m) <- "double"
  invisible(.Call(C_transitions_set_matrix, tr, as.integer(year), .band0(tr, age_from),
                  .sex(sex), m))
}

transitions_get_matrix <- function(tr, age_from = 0L, sex = "female", year = 0L) {
  .Call(C_transitions_get_matrix, tr, as.integer(year), .band0(tr, age_from), .sex(sex, FALSE))
}

transitions_set_mortality <- function(tr, mortality) {
  invisible(.Call(C_transitions_set_mortality, tr, as.double(mortality)))
}

transitions_mortality <- function(tr) .Call(C_transitions_get_mortality, tr)

print.planomsorg_transitions <- function(x, ...) {
  i <- transitions_info(x)
  cat(sprintf("<planomsorg_transitions> %d levels, bands from ages %s, %s\n", i$n_levels,
              paste(i$band_lo, collapse = ", "),
              if (i$n_years == 0) "every year"
              else sprintf("years %d-%d", i$first_year, i$first_year + i$n_years - 1L)))
  invisible(x)
}

# ---- services

.svc_levels <- function(svc) {
  l <- attr(svc, "levels")
  if (is.null(l)) l <- staircase_levels(.Call(C_services_staircase, svc))$name
  l
}

services_new <- function(sc = staircase_default(), mode = "rates") {
  svc <- .Call(C_services_new, sc)
  attr(svc, "levels") <- staircase_levels(sc)$name
  services_set_mode(svc, mode)
  svc
}

services_staircase <- function(svc) .Call(C_services_staircase, svc)

services_set_mode <- function(svc, mode) {
  invisible(.Call(C_services_set_mode, svc, .code(mode, .sc_const()[[3]], "mode")))
}

# RATES: array [level, band, sex]; the library's layout is [level][band][sex] row-major.
services_set_rates <- function(svc, rates, band_lo) {
  d <- dim(rates)
  if (length(d) != 3L) stop("'rates' must be an array [level, band, sex]", call. = FALSE)
  invisible(.Call(C_services_set_rates, svc, as.double(aperm(rates, c(3L, 2L, 1L))),
                  as.integer(band_lo)))
}

# USERS: matrix [level, band].
services_set_rates_from_users <- function(svc, users, band_lo, pop, year) {
  users <- as.matrix(users)
  invisible(.Call(C_services_set_rates_from_users, svc, as.double(t(users)),
                  as.integer(band_lo), pop, as.integer(year)))
}

services_kostra_users <- function(region = NULL, year) {
  sc <- staircase_levels(staircase_default())
  nb <- .sc_const()[[5]][["n_kostra_bands"]]
  u <- .Call(C_services_kostra_users, region, as.integer(year), as.integer(nrow(sc) * nb))
  matrix(u, nrow = nrow(sc), byrow = TRUE,
         dimnames = list(level = sc$name, band = c("0-66", "67-79", "80+")))
}

services_set_rates_kostra <- function(svc, region = NULL, year) {
  invisible(.Call(C_services_set_rates_kostra, svc, region, as.integer(year)))
}

# Rates by single age: array [age, sex, level].
services_rates <- function(svc, max_age = 105L) {
  lv <- .svc_levels(svc)
  r <- .Call(C_services_get_rates, svc, as.integer(max_age))
  a <- array(r, dim = c(2L, max_age + 1L, length(lv)))
  a <- aperm(a, c(2L, 1L, 3L))
  dimnames(a) <- list(age = as.character(0:max_age), sex = c("female", "male"), level = lv)
  a
}

services_set_transitions <- function(svc, tr) {
  invisible(.Call(C_services_set_transitions, svc, tr))
}

# Q: array [age, sex, year] (the population layout), or a demography.
services_set_death_probabilities <- function(svc, q, first_year = NULL, years = NULL) {
  if (inherits(q, "planomsorg_demography")) {
    if (is.null(years)) years <- demography_years(q)
    q <- demography_death_probabilities(q, years)
  }
  d <- dim(q)
  if (length(d) != 3L || d[2] != 2L) {
    stop("'q' must be an array [age, sex, year] or a demography", call. = FALSE)
  }
  if (is.null(first_year)) first_year <- as.integer(dimnames(q)[[3]][1])
  invisible(.Call(C_services_set_death_probabilities, svc, as.double(q),
                  as.integer(first_year), as.integer(d[3]), as.integer(d[1] - 1L)))
}

demography_death_probabilities <- function(demo, years = NULL) {
  d <- .demo_dims(demo)
  if (is.null(years)) years <- d$years
  g <- expand.grid(age = 0:d$max_age, sex = 0:1, year = as.integer(years))
  q <- .Call(C_demography_get, demo, 1L, g$year, g$sex, g$age)
  array(q, dim = c(d$max_age + 1L, 2L, length(years)),
        dimnames = list(age = as.character(0:d$max_age), sex = c("female", "male"),
                        year = as.character(years)))
}

# SHARES: array [age, sex, level]; the library's layout is [sex][age][level].
services_set_initial_shares <- function(svc, shares) {
  d <- dim(shares)
  if (length(d) != 3L) stop("'shares' must be an array [age, sex, level]", call. = FALSE)
  invisible(.Call(C_services_set_initial_shares, svc, as.double(aperm(shares, c(3L, 1L, 2L))),
                  as.integer(d[1] - 1L)))
}

services_set_birth_distribution <- function(svc, dist) {
  invisible(.Call(C_services_set_birth_distribution, svc, as.double(dist)))
}

services_set_capacity <- function(svc, level, places, first_year) {
  invisible(.Call(C_services_set_path, svc, 0L, .level0(level, .svc_levels(svc)),
                  as.double(places), as.integer(first_year)))
}

services_set_dreining <- function(svc, level, factors, first_year) {
  invisible(.Call(C_services_set_path, svc, 1L, .level0(level, .svc_levels(svc)),
                  as.double(factors), as.integer(first_year)))
}

services_set_family_care <- function(svc, multipliers, first_year) {
  invisible(.Call(C_services_set_path, svc, 2L, 0L, as.double(multipliers),
                  as.integer(first_year)))
}

services_read_capacity_csv <- function(svc, path) {
  invisible(.Call(C_services_read_capacity_csv, svc, path.expand(path)))
}

services_parse_capacity_csv <- function(svc, text, source = NULL) {
  invisible(.Call(C_services_parse_capacity_csv, svc, .as_raw(text), source))
}

# DELTA_LE: matrix [year, sex] (women first); the library's layout is [year][sex].
services_set_healthy_ageing <- function(svc, theta, delta_le = NULL, first_year = 0L) {
  if (is.null(delta_le)) {
    return(invisible(.Call(C_services_set_healthy_ageing, svc, as.double(theta), NULL,
                           as.integer(first_year), 0L)))
  }
  delta_le <- as.matrix(delta_le)
  if (ncol(delta_le) != 2L) stop("'delta_le' must be a matrix [year, sex] with 2 columns",
                                 call. = FALSE)
  invisible(.Call(C_services_set_healthy_ageing, svc, as.double(theta),
                  as.double(t(delta_le)), as.integer(first_year), nrow(delta_le)))
}

services_run <- function(svc, pop, first_year, last_year) {
  r <- .Call(C_services_run, svc, pop, as.integer(first_year), as.integer(last_year))
  attr(r, "levels") <- .svc_levels(svc)
  r
}

print.planomsorg_services <- function(x, ...) {
  lv <- staircase_levels(services_staircase(x))$name
  cat(sprintf("<planomsorg_services> %d levels: %s\n", length(lv), paste(lv, collapse = ", ")))
  invisible(x)
}

# ---- result

.res_levels <- function(r) {
  l <- attr(r, "levels")
  if (is.null(l)) l <- staircase_levels(.Call(C_result_staircase, r))$name
  l
}

result_info <- function(r) {
  i <- .Call(C_result_info, r)
  list(first_year = i[1], n_years = i[2], max_age = i[3],
       mode = .sc_const()[[3]][i[4] + 1L], years = seq.int(i[1], length.out = i[2]),
       levels = .res_levels(r))
}

result_staircase <- function(r) .Call(C_result_staircase, r)

result_population <- function(r) .Call(C_result_population, r)

.result_long <- function(r, queue, years, levels, sex, age_lo, age_hi) {
  info <- result_info(r)
  if (is.null(years)) years <- info$years
  if (is.null(levels)) levels <- info$levels
  k <- ifelse(levels %in% "all", -1L, 0L)
  if (any(k == 0L)) k[k == 0L] <- .level0(levels[k == 0L], info$levels)
  g <- expand.grid(k = k, year = as.integer(years), KEEP.OUT.ATTRS = FALSE)
  v <- .Call(C_result_users_queue, r, queue, g$year, g$k, rep(.sex(sex), nrow(g)),
             rep(as.integer(age_lo), nrow(g)), rep(.age_hi(age_hi), nrow(g)))
  out <- data.frame(year = g$year, level = ifelse(g$k < 0L, "all", info$levels[g$k + 1L]),
                    stringsAsFactors = FALSE)
  out[[if (queue) "queue" else "users"]] <- v
  out
}

result_users <- function(r, years = NULL, levels = NULL, sex = "both", age_lo = 0L,
                         age_hi = NA) {
  .result_long(r, FALSE, years, levels, sex, age_lo, age_hi)
}

result_queue <- function(r, years = NULL, levels = NULL, sex = "both", age_lo = 0L,
                         age_hi = NA) {
  .result_long(r, TRUE, years, levels, sex, age_lo, age_hi)
}

result_get <- function(r, quantity = "users", year, level, sex = "both", age_lo = 0L,
                       age_hi = NA) {
  q <- .code(quantity, .sc_const()[[4]], "quantity")
  k <- if (identical(level, "all")) -1L else .level0(level, .res_levels(r))
  a <- .recycle(as.integer(year), k, .sex(sex), as.integer(age_lo), .age_hi(age_hi))
  .Call(C_result_get, r, q, a[[1]], a[[2]], a[[3]], a[[4]], a[[5]])
}

# Users by year, level, band and sex: the rows of result_write_csv().
result_table <- function(r, band_lo = c(0L, 67L, 80L)) {
  info <- result_info(r)
  lo <- as.integer(band_lo)
  hi <- c(lo[-1] - 1L, NA)
  lab <- ifelse(is.na(hi), paste0(lo, "+"), paste0(lo, "-", hi))
  g <- expand.grid(sex = 0:1, band = seq_along(lo), k = seq_along(info$levels) - 1L,
                   year = info$years, KEEP.OUT.ATTRS = FALSE)
  users <- .Call(C_result_users_queue, r, FALSE, g$year, g$k, g$sex, lo[g$band],
                 .age_hi(hi[g$band]))
  data.frame(year = g$year, level = info$levels[g$k + 1L], band = lab[g$band],
             sex = c("female", "male")[g$sex + 1L], users = users, stringsAsFactors = FALSE)
}

# Array [age, sex, level, year]; the library's layout is [year][sex][age][level].
result_array <- function(r, quantity = "users") {
  info <- result_info(r)
  q <- .code(quantity, .sc_const()[[4]], "quantity")
  x <- .Call(C_result_export, r, q)
  a <- array(x, dim = c(length(info$levels), info$max_age + 1L, 2L, info$n_years))
  a <- aperm(a, c(2L, 3L, 1L, 4L))
  dimnames(a) <- list(age = as.character(0:info$max_age), sex = c("female", "male"),
                      level = info$levels, year = as.character(info$years))
  a
}

result_capacity <- function(r, level, years = NULL) {
  info <- result_info(r)
  if (is.null(years)) years <- info$years
  k <- .level0(level, info$levels)
  .Call(C_result_capacity, r, as.integer(years), rep(k, length(years)))
}

result_coverage <- function(r, levels, years = NULL, age_lo = 80L, age_hi = NA,
                            user_based = FALSE) {
  info <- result_info(r)
  if (is.null(years)) years <- info$years
  .Call(C_result_coverage, r, as.integer(years), .level0(levels, info$levels),
        as.integer(age_lo), .age_hi(age_hi), isTRUE(user_based))
}

result_coverage_24h <- function(r, years = NULL, user_based = FALSE) {
  if (is.null(years)) years <- result_info(r)$years
  .Call(C_result_coverage_24h, r, as.integer(years), isTRUE(user_based))
}

result_write_csv <- function(r, path, band_lo = NULL) {
  .Call(C_result_write_csv, r, path.expand(path),
        if (is.null(band_lo)) NULL else as.integer(band_lo))
  invisible(path)
}

# Wide: one row per year, users of each level, as the CLI's services table.
as.data.frame.planomsorg_result <- function(x, row.names = NULL, optional = FALSE, ...) {
  u <- result_users(x)
  w <- stats::reshape(u, idvar = "year", timevar = "level", direction = "wide")
  names(w) <- sub("^users\\.", "", names(w))
  rownames(w) <- NULL
  w
}

print.planomsorg_result <- function(x, ...) {
  i <- result_info(x)
  cat(sprintf("<planomsorg_result> %s mode, %d-%d, %d levels\n", i$mode, i$first_year,
              i$first_year + i$n_years - 1L, length(i$levels)))
  w <- as.data.frame(x)
  show <- unique(c(1L, ceiling(nrow(w) / 2), nrow(w)))
  print(w[show, , drop = FALSE], row.names = FALSE, digits = 6, ...)
  invisible(x)
}

summary.planomsorg_result <- function(object, ...) {
  i <- result_info(object)
  w <- as.data.frame(object)
  cov <- tryCatch(result_coverage_24h(object), planomsorg_error = function(e) NULL)
  if (!is.null(cov)) w$coverage_24h_80p <- cov
  q <- result_queue(object)
  structure(list(info = i, table = w, queue_total = sum(q$queue)),
            class = "summary.planomsorg_result")
}

print.summary.planomsorg_result <- function(x, ...) {
  cat(sprintf("Service users by level, %s mode, %d-%d\n", x$info$mode, x$info$first_year,
              x$info$first_year + x$info$n_years - 1L))
  print(x$table, row.names = FALSE, digits = 6, ...)
  if (x$queue_total > 0) cat(sprintf("Persons held back by capacity (sum over years): %.1f\n",
                                     x$queue_total))
  invisible(x)
}
