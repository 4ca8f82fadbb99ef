three_levels <- function() {
  sc <- staircase_new()
  staircase_add_level(sc, "none", "none")
  staircase_add_level(sc, "home", "home")
  staircase_add_level(sc, "nh", "long_term", c("coverage_24h", "capacity_limited"))
  sc
}

test_that("counts (K x K+1) and the ML and posterior estimators follow their formulas", {
  e <- estimate_new(3, c(0, 80), levels = c("none", "home", "nh"))
  estimate_add(e, 85, "female", "none", c("none", "home", "nh", "death"), c(50, 8, 2, 5))
  estimate_add(e, 85, "female", "home", c("none", "home", "nh"), c(3, 20, 7))
  estimate_add(e, 85, "male", "none", "home", 4)
  cnt <- estimate_counts(e, 80, "female")
  expect_identical(dim(cnt), c(3L, 4L))
  expect_equal(unname(cnt[1, ]), c(50, 8, 2, 5))
  expect_equal(unname(cnt["home", ]), c(3, 20, 7, 0))
  expect_equal(estimate_counts(e, 80, "both")["none", "home"], 12)
  ml <- estimate_matrix(e, 80, "female", "ml")
  n <- cnt[, 1:3]
  want <- n / rowSums(n)
  want[3, ] <- c(0, 0, 1)                               # an empty row stays the identity
  expect_equal(unname(ml), unname(want), tolerance = 1e-14, ignore_attr = TRUE)
  se <- attr(ml, "se")
  expect_equal(se[1, 2], sqrt(want[1, 2] * (1 - want[1, 2]) / 60), tolerance = 1e-14)
  estimate_set_prior(e, "uniform", 3)
  post <- estimate_matrix(e, 80, "female", "posterior")
  expect_equal(unname(post[1, ]), unname(n[1, ] + 1) / (60 + 3), tolerance = 1e-14)
  expect_equal(unname(post[3, ]), rep(1 / 3, 3), tolerance = 1e-14)
  tr <- estimate_transitions(e, "ml")
  expect_equal(transitions_get_matrix(tr, 80, "female"), unname(ml), ignore_attr = TRUE)
  expect_output(print(e), "3 levels")
  expect_equal(estimate_counts(estimate_copy(e), 80, "female"), cnt)
})

test_that("panel data frames, files and msm's statetable agree", {
  sc <- three_levels()
  tr <- transitions_new(3, c(0, 80))
  transitions_set_matrix(tr, matrix(c(0.9, 0.08, 0.02, 0.1, 0.8, 0.1, 0, 0, 1), 3, byrow = TRUE),
                         age_from = 80)
  f <- tempfile(fileext = ".csv")
  on.exit(unlink(f))
  panel_simulate_csv(f, tr, sc, q = matrix(c(0.01, 0.01, 0.1, 0.12), 2, byrow = TRUE),
                     initial = c(0.8, 0.15, 0.05), n_persons = 2000, age_lo = 70, age_hi = 95,
                     first_year = 2015, n_years = 5, seed = 7)
  panel <- utils::read.csv(f, stringsAsFactors = FALSE)
  e1 <- estimate_read_panel(f, sc, c(0, 80))
  e2 <- estimate_from_data_frame(panel, sc, c(0, 80))
  expect_equal(estimate_counts(e1, 80, "both"), estimate_counts(e2, 80, "both"))
  i <- estimate_info(e1)
  expect_equal(i$rows, nrow(panel))
  expect_equal(i$persons, length(unique(panel$person)))
  tot <- estimate_counts(e1, 0, "both") + estimate_counts(e1, 80, "both")
  expect_equal(sum(tot), i$transitions)
  skip_if_not_installed("msm")
  st <- msm::statetable.msm(match(level, c("none", "home", "nh", "death")), person,
                            data = panel)
  m <- matrix(0, 3, 4)
  m[as.integer(rownames(st)), as.integer(colnames(st))] <- unclass(st)
  expect_equal(unname(tot), m)
})

test_that("bad panel records: strict errors and skipped issues", {
  sc <- three_levels()
  txt <- c("person,year,age,sex,level", "a,2020,80,female,none", "a,2021,81,female,castle",
           "a,2022,82,female,home", "b,2020,70,male,home", "b,2021,71,male,nh")
  expect_pl_error(estimate_parse_panel(txt, sc, source = "p.csv"), "enotfound", "p.csv:3")
  e <- estimate_parse_panel(txt, sc, skip_bad = TRUE, source = "p.csv")
  is <- estimate_info(e)$issues
  # the unknown level, and the gap it leaves in person a's years
  expect_identical(is$kind, c("unknown_level", "gap"))
  expect_equal(is$line, c(3, 4))
  expect_match(is$message[1], "p.csv:3", fixed = TRUE)
  expect_equal(estimate_counts(e, 67, "male")["home", "nh"], 1)
})

test_that("Monte Carlo draws are reproducible and summarised as R would", {
  pop <- data_population("5001")
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  m <- mc_new(svc, pop, 2024, 2026)
  mc_set_lever(m, "family_care", "fixed", 0.9)
  mc_run(m, 5, seed = 11)
  services_set_family_care(svc, 0.9, 2024)
  det <- services_run(svc, pop, 2024, 2026)
  d <- mc_draws(m, "users", 2026, "home_nursing")
  expect_equal(d, rep(result_get(det, "users", 2026, "home_nursing"), 5), tolerance = 1e-9)
  services_set_family_care(svc, numeric(), 2024)
  m2 <- mc_new(svc, pop, 2024, 2026)
  mc_set_lever(m2, "dreining", "uniform", c(0.7, 1))
  mc_set_noise(m2, population = TRUE)
  mc_run(m2, 40, seed = 5)
  a <- mc_draws(m2, "users", 2026, "long_term")
  mc_run(m2, 40, seed = 5, n_threads = 2)
  expect_identical(mc_draws(m2, "users", 2026, "long_term"), a)
  b <- mc_bands(m2, "users", "long_term", probs = c(0.1, 0.5, 0.9), years = 2026)
  expect_equal(b$mean, mean(a), tolerance = 1e-12)
  expect_equal(b$sd, sd(a), tolerance = 1e-10)
  expect_equal(unname(unlist(b[, c("p10", "p50", "p90")])),
               unname(stats::quantile(a, c(0.1, 0.5, 0.9), type = 7)), tolerance = 1e-12)
  cv <- mc_bands(m2, "coverage_24h", years = 2026)
  expect_true(cv$p5 <= cv$p50 && cv$p50 <= cv$p95)
  f <- tempfile(fileext = ".csv")
  on.exit(unlink(f))
  mc_write_csv(m2, f)
  csv <- utils::read.csv(f, stringsAsFactors = FALSE)
  row <- csv[csv$year == 2026 & csv$measure == "users" & csv$level == "long_term" &
               csv$band == "all", ]
  expect_equal(row$mean, mean(a), tolerance = 1e-12)
  expect_output(print(m2), "40 draws")
  skip_if_not_installed("ggplot2")
  expect_s3_class(plot_fan(mc_bands(m2, "users", "long_term")), "ggplot")
})

test_that("plan-mode Monte Carlo has the plan's central value", {
  p <- plan_new("5001", 2026, 2028)
  mp <- mc_new_plan(p)
  mc_set_lever(mp, "standard", "normal", c(0.01, 0.005))
  mc_run(mp, 10, seed = 3)
  r <- plan_run(p)
  b <- mc_bands(mp, "fte_demand")
  expect_equal(b$central, plan_result_get(r, "fte_demand"), tolerance = 1e-9)
  d <- mc_draws(mp, "fte_demand", 2028)
  expect_equal(b$mean[3], mean(d), tolerance = 1e-12)
})

test_that("distribution samples are reproducible and within their supports", {
  u <- dist_sample(1000, "uniform", c(2, 3), seed = 9)
  expect_identical(u, dist_sample(1000, "uniform", c(2, 3), seed = 9))
  expect_true(all(u >= 2 & u <= 3))
  x <- dist_sample(20000, "normal", c(5, 2), seed = 1)
  expect_lt(abs(mean(x) - 5), 4 * 2 / sqrt(20000))
  t <- dist_sample(500, "triangular", c(0, 0.2, 1), seed = 2)
  expect_true(all(t >= 0 & t <= 1))
  expect_identical(dist_sample(3, "fixed", 4), c(4, 4, 4))
})

test_that("calibration moves projected stocks onto the targets", {
  tr <- transitions_new(3, c(0, 80))
  transitions_set_matrix(tr, matrix(c(0.9, 0.08, 0.02, 0.1, 0.8, 0.1, 0, 0, 1), 3, byrow = TRUE),
                         age_from = 80)
  start <- array(0, c(2, 2, 3))          # [band, sex, level]
  start[2, , ] <- rep(c(800, 150, 50), each = 2)
  target <- matrix(c(NA, 0, 0, NA, 380, 160), 2, byrow = TRUE)   # [target band, level]
  cal <- estimate_calibrate(tr, start, target, c(0, 80), max_iter = 500, tol = 1e-10)
  expect_lt(cal$fit[["max_rel"]], 1e-8)
  m <- transitions_get_matrix(cal$transitions, 80, "female")
  proj <- colSums(start[2, , ] %*% m)
  expect_equal(unname(proj[2:3]), c(380, 160), tolerance = 1e-6)
})

test_that("estimate and Monte Carlo error paths", {
  expect_pl_error(estimate_new(3, c(5, 80)), "einval")
  e <- estimate_new(2, 0)
  expect_pl_error(estimate_add(e, 200, "female", 1, 2), "erange")
  expect_pl_error(estimate_add(e, 80, "female", 1, 2, -1), "evalue")
  expect_pl_error(estimate_mortality(e), "enumeric")
  expect_pl_error(estimate_set_prior(e, "uniform", 0), "evalue")
  expect_pl_error(estimate_set_pooling(e, -1), "evalue")
  expect_error(estimate_counts(e, 50), "no band starts at age 50")
  expect_pl_error(estimate_read_panel(file.path(tempdir(), "none.csv"), three_levels()), "eio")
  expect_pl_error(estimate_parse_panel("person,year\n", three_levels(), source = "h.csv"),
                  "eformat", "h.csv")
  pop <- data_population("5001")
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  expect_pl_error(mc_new(svc, pop, 2020, 2026), "erange")
  m <- mc_new(svc, pop, 2024, 2026)
  expect_pl_error(mc_draws(m, "users", 2026, "long_term"), "estate")
  expect_pl_error(mc_set_lever(m, "standard", "normal", c(0, 1)), "eunsupported")
  expect_pl_error(mc_set_lever(m, "family_care", "normal", c(1, -1)), "evalue")
  expect_pl_error(mc_set_lever(m, "family_care", "beta", 1), "edimension")
  expect_pl_error(mc_set_estimate(m, estimate_new(2, 0)), "estate")   # rates mode
  expect_pl_error(mc_run(m, 0), "erange")
  mc_run(m, 3)
  expect_pl_error(mc_bands(m, "users", "long_term", probs = 2, years = 2026), "evalue")
  expect_pl_error(mc_draws(m, "users", 2030, "long_term"), "erange")
  expect_error(mc_draws(m, "users", 2026), "give a level")
  expect_pl_error(dist_sample(10, "normal", c(0, -1)), "evalue")
  expect_pl_error(dist_sample(0, "normal", c(0, 1)), "edimension")
  expect_error(dist_sample(10, "cauchy", c(0, 1)), "unknown distribution")
  expect_pl_error(mc_write_csv(m, file.path(tempdir(), "no", "x.csv")), "eio")
})
