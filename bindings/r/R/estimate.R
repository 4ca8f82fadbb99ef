# estimate.h and montecarlo.h: transition estimates from panel data, Monte Carlo bands.

.est_const <- function() .Call(C_estimate_constants)

estimate_constants <- function() {
  k <- .est_const()
  list(panel_issues = k[[1]], methods = k[[2]], priors = k[[3]], distributions = k[[4]],
       mc_measures = k[[5]], limits = stats::setNames(k[[6]], c("level_death", "max_draws",
                                                                "max_threads", "skip_bad")),
       panel_flags = k[[7]], calibration_fit = k[[8]], mc_noise = k[[9]])
}

estimate_new <- function(n_levels, band_lo = 0L, levels = NULL) {
  e <- .Call(C_estimate_new, as.integer(n_levels), as.integer(band_lo))
  attr(e, "levels") <- if (is.null(levels)) paste0("level", seq_len(n_levels)) else levels
  e
}

estimate_copy <- function(est) {
  e <- .Call(C_estimate_copy, est)
  attr(e, "levels") <- attr(est, "levels")
  e
}

.elevels <- function(est) {
  l <- attr(est, "levels")
  if (is.null(l)) l <- paste0("level", seq_len(.Call(C_estimate_info, est)[[1]]))
  l
}

# FROM and TO: level names or 1-based positions; TO may be "death".
estimate_add <- function(est, age, sex, from, to, weight = 1) {
  lv <- .elevels(est)
  to0 <- ifelse(to %in% c("death", "dead"), -2L, 0L)
  nd <- !(to %in% c("death", "dead"))
  if (any(nd)) to0[nd] <- .level0(if (is.numeric(to)) to[nd] else as.character(to[nd]), lv)
  a <- .recycle(as.integer(age), .sex(sex, FALSE), .level0(from, lv), as.integer(to0),
                as.double(weight))
  invisible(.Call(C_estimate_add, est, a[[1]], a[[2]], a[[3]], a[[4]], a[[5]]))
}

.panel <- function(path, text, source, sc, band_lo, skip_bad) {
  e <- .Call(C_estimate_read_panel, path, text, source, sc, as.integer(band_lo),
             if (isTRUE(skip_bad)) 1L else 0L)
  attr(e, "levels") <- staircase_levels(sc)$name
  e
}

estimate_read_panel <- function(path, sc, band_lo = c(0L, 67L, 80L), skip_bad = FALSE) {
  .panel(path.expand(path), NULL, NULL, sc, band_lo, skip_bad)
}

estimate_parse_panel <- function(text, sc, band_lo = c(0L, 67L, 80L), skip_bad = FALSE,
                                 source = NULL) {
  .panel(NULL, .as_raw(text), source, sc, band_lo, skip_bad)
}

# A panel data frame (person, year, age, sex, level[, died]) through the library's reader.
estimate_from_data_frame <- function(df, sc, band_lo = c(0L, 67L, 80L), skip_bad = FALSE) {
  need <- c("person", "year", "age", "sex", "level")
  miss <- setdiff(need, names(df))
  if (length(miss)) stop(sprintf("data frame lacks column(s) %s", paste(miss, collapse = ", ")),
                         call. = FALSE)
  cols <- intersect(c(need, "died"), names(df))
  body <- do.call(paste, c(lapply(df[cols], as.character), sep = ","))
  estimate_parse_panel(c(paste(cols, collapse = ","), body, ""), sc, band_lo, skip_bad,
                       source = "data frame")
}

estimate_info <- function(est) {
  i <- .Call(C_estimate_info, est)
  list(n_levels = i[[1]], levels = .elevels(est), band_lo = i[[2]], rows = i[[3]],
       persons = i[[4]], transitions = i[[5]],
       issues = data.frame(line = i[[6]], kind = i[[7]], message = i[[8]],
                           stringsAsFactors = FALSE))
}

.eband <- function(est, age_from) {
  lo <- .Call(C_estimate_info, est)[[2]]
  b <- match(as.integer(age_from), lo)
  if (is.na(b)) stop(sprintf("no band starts at age %s (bands start at %s)", age_from,
                             paste(lo, collapse = ", ")), call. = FALSE)
  b - 1L
}

estimate_set_prior <- function(est, kind = "uniform", weight = 1) {
  invisible(.Call(C_estimate_set_prior, est, .code(kind, .est_const()[[3]], "prior"),
                  as.double(weight)))
}

estimate_set_pooling <- function(est, min_count) {
  invisible(.Call(C_estimate_set_pooling, est, as.double(min_count)))
}

estimate_counts <- function(est, age_from = 0L, sex = "both", pooled = FALSE) {
  lv <- .elevels(est)
  m <- .Call(C_estimate_counts, est, .eband(est, age_from), .sex(sex), isTRUE(pooled))
  dimnames(m) <- list(from = lv, to = c(lv, "death"))
  m
}

estimate_matrix <- function(est, age_from = 0L, sex = "female", method = "ml") {
  lv <- .elevels(est)
  r <- .Call(C_estimate_matrix, est, .code(method, .est_const()[[2]], "method"),
             .eband(est, age_from), .sex(sex, FALSE))
  dn <- list(from = lv, to = lv)
  dimnames(r[[1]]) <- dn
  dimnames(r[[2]]) <- dn
  structure(r[[1]], se = r[[2]])
}

estimate_mortality <- function(est) {
  m <- .Call(C_estimate_mortality, est)
  data.frame(level = .elevels(est), mortality = m[, 1], se = m[, 2], stringsAsFactors = FALSE)
}

estimate_transitions <- function(est, method = "ml") {
  .Call(C_estimate_transitions, est, .code(method, .est_const()[[2]], "method"))
}

# Q: baseline death probabilities, a matrix [band, sex].
panel_simulate_csv <- function(path, tr, sc, q, initial, n_persons, age_lo, age_hi,
                               first_year, n_years, seed = 1) {
  q <- as.matrix(q)
  .Call(C_panel_simulate_csv, path.expand(path), tr, sc, as.double(t(q)), as.double(initial),
        as.double(n_persons), as.integer(age_lo), as.integer(age_hi), as.integer(first_year),
        as.integer(n_years), as.double(seed))
  invisible(path)
}

# START: array [band, sex, level] of persons; TARGET: matrix [target band, level] (NA: not
# observed).
estimate_calibrate <- function(tr, start, target, target_band_lo, year = 0L,
                               max_iter = 1000L, tol = 1e-9) {
  target <- as.matrix(target)
  r <- .Call(C_estimate_calibrate, tr, as.double(aperm(start, c(3L, 2L, 1L))),
             as.double(t(target)), as.integer(target_band_lo), as.integer(year),
             as.integer(max_iter), as.double(tol))
  list(transitions = r[[1]],
       fit = stats::setNames(r[[2]], .est_const()[[8]]))
}

print.planomsorg_estimate <- function(x, ...) {
  i <- estimate_info(x)
  cat(sprintf("<planomsorg_estimate> %d levels, bands from %s; %s rows, %s persons, %s transitions\n",
              i$n_levels, paste(i$band_lo, collapse = ", "), format(i$rows), format(i$persons),
              format(i$transitions)))
  if (nrow(i$issues)) cat(sprintf("%d bad records dropped\n", nrow(i$issues)))
  invisible(x)
}

# ---- Monte Carlo

mc_new <- function(svc, pop, first_year, last_year) {
  m <- .Call(C_mc_new, svc, pop, as.integer(first_year), as.integer(last_year))
  attr(m, "info") <- list(mode = "services", levels = .svc_levels(svc),
                          years = seq.int(as.integer(first_year), as.integer(last_year)))
  m
}

mc_new_plan <- function(plan, scenario = NULL) {
  i <- plan_info(plan)
  k <- if (is.null(scenario)) -1L
       else if (is.numeric(scenario)) as.integer(scenario) - 1L
       else match(scenario, i$scenarios) - 1L
  if (is.na(k)) stop(sprintf("no scenario '%s' in this plan", scenario), call. = FALSE)
  m <- .Call(C_mc_new_plan, plan, k)
  attr(m, "info") <- list(mode = "plan", levels = staircase_levels(i$staircase)$name,
                          years = seq.int(i$base_year, i$last_year))
  m
}

.dist <- function(d) .code(d, .est_const()[[4]], "distribution")

mc_set_lever <- function(mc, lever, dist, params) {
  invisible(.Call(C_mc_set_lever, mc, .lever(lever), .dist(dist), as.double(params)))
}

mc_set_estimate <- function(mc, est = NULL) invisible(.Call(C_mc_set_estimate, mc, est))

mc_set_noise <- function(mc, population = FALSE, users = FALSE) {
  invisible(.Call(C_mc_set_noise, mc, as.integer(isTRUE(population) + 2L * isTRUE(users))))
}

mc_set_bands <- function(mc, band_lo) {
  invisible(.Call(C_mc_set_bands, mc, as.integer(band_lo)))
}

mc_run <- function(mc, n_draws, seed = 1, n_threads = 1L) {
  invisible(.Call(C_mc_run, mc, as.integer(n_draws), as.double(seed), as.integer(n_threads)))
}

mc_info <- function(mc) {
  i <- .Call(C_mc_info, mc)
  c(attr(mc, "info"), list(n_draws = i[1], n_bands = i[2]))
}

.mcm <- function(m) .code(m, .est_const()[[5]], "Monte Carlo measure")

# BAND: 1-based measure band, or NA for all ages.
.mc_band <- function(mc, band) if (is.na(band)) .Call(C_mc_info, mc)[2] else as.integer(band) - 1L

.mc_level0 <- function(level, measure, levels) {
  if (length(level) == 1L && is.na(level)) {
    if (identical(measure, "coverage_24h") || identical(measure, 2L)) return(0L)
    stop("give a level for this measure", call. = FALSE)
  }
  .level0(level, levels)
}

mc_draws <- function(mc, measure = "users", year, level = NA, band = NA, group = NA) {
  i <- attr(mc, "info")
  if (identical(i$mode, "plan")) {
    return(.Call(C_mc_plan_get, mc, 0L, 0, as.integer(year), .pmeasure(measure),
                 .lg0(level, i$levels), if (is.na(group)) -1L else as.integer(group) - 1L))
  }
  .Call(C_mc_get, mc, 0L, 0, .mcm(measure), as.integer(year),
        .mc_level0(level, measure, i$levels), .mc_band(mc, band))
}

# Percentile bands per year: data frame year, mean, sd (and central in plan mode), pNN.
mc_bands <- function(mc, measure = "users", level = NA, band = NA, group = NA,
                     probs = c(0.05, 0.5, 0.95), years = NULL) {
  i <- attr(mc, "info")
  if (is.null(years)) years <- i$years
  plan <- identical(i$mode, "plan")
  rows <- lapply(as.integer(years), function(y) {
    if (plan) {
      lv <- .lg0(level, i$levels)
      gr <- if (is.na(group)) -1L else as.integer(group) - 1L
      s <- .Call(C_mc_plan_get, mc, 2L, 0, y, .pmeasure(measure), lv, gr)
      q <- vapply(probs, function(p) .Call(C_mc_plan_get, mc, 1L, p, y, .pmeasure(measure),
                                           lv, gr)[1], 0)
      c(year = y, central = s[1], mean = s[2], sd = s[3], q)
    } else {
      k <- .mc_level0(level, measure, i$levels)
      b <- .mc_band(mc, band)
      s <- .Call(C_mc_get, mc, 2L, 0, .mcm(measure), y, k, b)
      q <- vapply(probs, function(p) .Call(C_mc_get, mc, 1L, p, .mcm(measure), y, k, b)[1], 0)
      c(year = y, mean = s[1], sd = s[2], q)
    }
  })
  out <- as.data.frame(do.call(rbind, rows))
  names(out)[(ncol(out) - length(probs) + 1):ncol(out)] <- paste0("p", format(100 * probs,
                                                                               trim = TRUE))
  out$year <- as.integer(out$year)
  out
}

mc_write_csv <- function(mc, path, probs = NULL) {
  .Call(C_mc_write_csv, mc, path.expand(path), if (is.null(probs)) NULL else as.double(probs))
  invisible(path)
}

dist_sample <- function(n, dist, params, seed = 1) {
  .Call(C_dist_sample, as.integer(n), .dist(dist), as.double(params), as.double(seed))
}

print.planomsorg_mc <- function(x, ...) {
  i <- mc_info(x)
  cat(sprintf("<planomsorg_mc> %s mode, %d-%d, %d draws run\n", i$mode, min(i$years),
              max(i$years), i$n_draws))
  invisible(x)
}

plot_fan <- function(bands, title = NULL, ylab = NULL) {
  .need_ggplot2()
  p <- grep("^p", names(bands), value = TRUE)
  if (length(p) < 3L) stop("'bands' needs at least three percentile columns", call. = FALSE)
  lo <- p[1]
  hi <- p[length(p)]
  mid <- p[(length(p) + 1L) %/% 2L]
  ggplot2::ggplot(bands, ggplot2::aes(x = .data$year)) +
    ggplot2::geom_ribbon(ggplot2::aes(ymin = .data[[lo]], ymax = .data[[hi]]),
                         fill = "steelblue", alpha = 0.25) +
    ggplot2::geom_line(ggplot2::aes(y = .data[[mid]]), colour = "steelblue4", linewidth = 1) +
    ggplot2::labs(x = NULL, y = ylab, title = title,
                  caption = sprintf("line: %s; band: %s to %s", mid, lo, hi)) +
    ggplot2::theme_minimal()
}
