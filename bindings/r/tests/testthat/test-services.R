small_staircase <- function() {
  sc <- staircase_new()
  staircase_add_level(sc, "none", "none")
  staircase_add_level(sc, "home", "home")
  staircase_add_level(sc, "nursing_home", "long_term", c("coverage_24h", "capacity_limited"))
  sc
}

test_that("the staircase reads back as it was built", {
  sc <- small_staircase()
  l <- staircase_levels(sc)
  expect_identical(l$name, c("none", "home", "nursing_home"))
  expect_identical(l$kind, c("none", "home", "long_term"))
  expect_identical(l$coverage_24h, c(FALSE, FALSE, TRUE))
  expect_identical(staircase_find(sc, "home"), 2L)
  expect_identical(unname(staircase_levels_with_flags(staircase_default(), "coverage_24h")), 6:8)
  expect_output(print(sc), "3 levels")
  expect_identical(nrow(staircase_levels(staircase_copy(sc))), 3L)
})

test_that("rates [level, band, sex] reach the library in its layout (3 x 2 x 2)", {
  sc <- small_staircase()
  svc <- services_new(sc)
  rates <- array(0, c(3, 2, 2))
  rates[2, , ] <- c(0.01, 0.20, 0.02, 0.25)   # home: [band 1 F, band 2 F, band 1 M, band 2 M]
  rates[3, , ] <- c(0.00, 0.10, 0.001, 0.12)
  services_set_rates(svc, rates, c(0, 80))
  r <- services_rates(svc, max_age = 105)
  expect_identical(dim(r), c(106L, 2L, 3L))
  expect_equal(r["50", "female", "home"], 0.01)
  expect_equal(r["85", "female", "home"], 0.20)
  expect_equal(r["50", "male", "home"], 0.02)
  expect_equal(r["85", "male", "nursing_home"], 0.12)
  pop <- data_population("5001")
  res <- services_run(svc, pop, 2024, 2026)
  for (y in 2024:2026) {
    for (s in c("female", "male")) {
      p_lo <- population_sum(pop, y, 0, 79, s)
      p_hi <- population_sum(pop, y, 80, NA, s)
      si <- if (s == "female") 1 else 2
      got <- result_get(res, "users", y, "home", s, 80, NA)
      expect_equal(got, rates[2, 2, si] * p_hi, tolerance = 1e-12)
      got <- result_get(res, "users", y, "nursing_home", s, 0, 79)
      expect_equal(got, rates[3, 1, si] * p_lo, tolerance = 1e-12)
    }
    # persons across levels sum to the population
    expect_equal(result_get(res, "users", y, "all"), population_sum(pop, y), tolerance = 1e-9)
  }
})

test_that("rates from users [level, band] and from KOSTRA reproduce the counts", {
  pop <- data_population("5001")
  svc <- services_new(small_staircase())
  users <- matrix(c(0, 500, 40, 0, 1500, 900), nrow = 3,
                  dimnames = list(NULL, c("0-79", "80+")))   # [level, band]
  services_set_rates_from_users(svc, users, c(0, 80), pop, 2025)
  r <- services_rates(svc)
  expect_equal(r["85", "female", "nursing_home"], 900 / population_sum(pop, 2025, 80, NA))
  expect_equal(r["20", "male", "home"], 500 / population_sum(pop, 2025, 0, 79))
  res <- services_run(svc, pop, 2025, 2025)
  expect_equal(result_get(res, "users", 2025, "nursing_home", "both", 80, NA), 900,
               tolerance = 1e-9)
  k <- services_kostra_users("5001", 2025)
  expect_identical(dim(k), c(8L, 3L))
  expect_equal(k["long_term", ], c("0-66" = 48, "67-79" = 330, "80+" = 875))
  svc2 <- services_new()
  services_set_rates_kostra(svc2, "5001", 2025)
  res2 <- services_run(svc2, pop, 2025, 2025)
  lo <- c(0, 67, 80)
  hi <- c(66, 79, NA)
  for (lv in rownames(k)[-1]) for (b in 1:3) {
    expect_equal(result_get(res2, "users", 2025, lv, "both", lo[b], hi[b]), k[lv, b],
                 tolerance = 1e-9, info = paste(lv, b))
  }
})

test_that("tables, arrays, CSV files and the CLI agree", {
  pop <- data_population("5001")
  pr <- population_project(pop, demography_default("5001", 2025), 2026, 2030, components = FALSE)
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  r <- services_run(svc, pr, 2026, 2030)
  a <- result_array(r)
  expect_identical(dim(a), c(106L, 2L, 8L, 5L))
  u <- result_users(r)
  expect_equal(u$users, as.vector(apply(a, c(3, 4), sum)), tolerance = 1e-9)
  expect_equal(a["90", "male", "long_term", "2028"],
               result_get(r, "users", 2028, "long_term", "male", 90, 90), tolerance = 1e-12)
  f <- tempfile(fileext = ".csv")
  on.exit(unlink(f))
  result_write_csv(r, f)
  csv <- utils::read.csv(f, stringsAsFactors = FALSE)
  expect_equal(csv, result_table(r), tolerance = 1e-15, ignore_attr = TRUE)
  w <- as.data.frame(r)
  cli <- run_cli(c("services", "--municipality", "5001", "--to", "2030", "--format", "csv"))
  expect_equal(cli$status, 0L)
  c2 <- utils::read.csv(text = cli$out, stringsAsFactors = FALSE)
  expect_equal(c2$year, w$year)
  for (lv in result_info(r)$levels) expect_equal(c2[[lv]], w[[lv]], tolerance = 1e-9, info = lv)
  expect_equal(c2$coverage_24h_80p, result_coverage_24h(r), tolerance = 1e-12)
  expect_s3_class(result_population(r), "planomsorg_population")
  expect_equal(population_array(result_population(r)), population_array(pr))
  expect_output(print(summary(r)), "coverage_24h_80p")
})

test_that("capacity holds, queues and coverage follow their definitions", {
  pop <- data_population("5001")
  pr <- population_project(pop, demography_default("5001", 2025), 2026, 2035, components = FALSE)
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  services_set_capacity(svc, "long_term", rep(1300, 10), 2026)
  r <- services_run(svc, pr, 2026, 2035)
  lt <- result_users(r, levels = "long_term")$users
  expect_true(all(lt <= 1300 + 1e-6))
  expect_gt(sum(result_queue(r, levels = "long_term")$queue), 0)
  expect_equal(result_capacity(r, "long_term"), rep(1300, 10))
  expect_true(all(is.infinite(result_capacity(r, "home_nursing"))))
  tot <- result_users(r, levels = "all")$users
  expect_equal(tot, population_sum(pr, 2026:2035), tolerance = 1e-9)
  p80 <- population_sum(pr, 2026:2035, 80, NA)
  expect_equal(result_coverage(r, "long_term"), lt / p80, tolerance = 1e-12)
  ub <- result_users(r, levels = c("housing_24h", "short_term", "long_term"), age_lo = 80)
  ub <- tapply(ub$users, ub$year, sum)
  expect_equal(result_coverage_24h(r, user_based = TRUE), as.vector(ub) / p80, tolerance = 1e-12)
  cap <- services_new()
  services_set_rates_kostra(cap, "5001", 2025)
  services_parse_capacity_csv(cap, c("year,level,places", "2026,long_term,1300",
                                     "2027,long_term,1300"), "cap.csv")
  r2 <- services_run(cap, pr, 2026, 2027)
  expect_equal(result_users(r2, levels = "long_term")$users, lt[1:2], tolerance = 1e-9)
})

test_that("healthier ageing takes life-expectancy gains as a [year, sex] matrix", {
  pop <- data_population("5001")
  pr <- population_project(pop, demography_default("5001", 2025), 2026, 2030, components = FALSE)
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  base <- services_run(svc, pr, 2026, 2030)
  dle <- cbind(female = c(0, 1, 2, 3, 4), male = 0)          # 5 x 2: only women gain
  services_set_healthy_ageing(svc, 0.5, dle, 2026)
  h <- services_run(svc, pr, 2026, 2030)
  m0 <- result_users(base, levels = "long_term", sex = "male")$users
  m1 <- result_users(h, levels = "long_term", sex = "male")$users
  f0 <- result_users(base, levels = "long_term", sex = "female")$users
  f1 <- result_users(h, levels = "long_term", sex = "female")$users
  expect_equal(m1, m0, tolerance = 1e-12)
  expect_equal(f1[1], f0[1], tolerance = 1e-12)
  expect_true(all(f1[-1] < f0[-1]))
})

test_that("Markov mode conserves persons; matrices round-trip without transposition errors", {
  sc <- small_staircase()
  tr <- transitions_new(3, c(0, 67))
  m <- matrix(c(0.95, 0.04, 0.01,
                0.10, 0.80, 0.10,
                0.00, 0.00, 1.00), 3, byrow = TRUE)
  transitions_set_matrix(tr, m, age_from = 67)
  expect_equal(transitions_get_matrix(tr, 67, "male"), m)
  expect_equal(transitions_get_matrix(tr, 0, "female"), diag(3))
  transitions_set_mortality(tr, c(1, 1.5, 3))
  expect_equal(transitions_mortality(tr), c(1, 1.5, 3))
  expect_output(print(tr), "3 levels")
  csv <- c("age_from,sex,from,to,probability", "0,both,none,none,1", "0,both,home,home,1",
           "0,both,nursing_home,nursing_home,1", "67,both,none,none,0.95",
           "67,both,none,home,0.04", "67,both,none,nursing_home,0.01", "67,both,home,none,0.1",
           "67,both,home,home,0.8", "67,both,home,nursing_home,0.1",
           "67,both,nursing_home,nursing_home,1", "0,both,none,death_rel,1",
           "0,both,home,death_rel,1.5", "0,both,nursing_home,death_rel,3")
  tr2 <- transitions_parse_csv(csv, sc, "tr.csv")
  expect_equal(transitions_get_matrix(tr2, 67, "female"), m)
  expect_equal(transitions_mortality(tr2), c(1, 1.5, 3))
  svc <- services_new(sc, mode = "markov")
  rates <- array(0, c(3, 2, 2))
  rates[2, 2, ] <- 0.1
  rates[3, 2, ] <- 0.05
  services_set_rates(svc, rates, c(0, 67))
  services_set_transitions(svc, tr)
  d <- demography_default("5001", 2025)
  services_set_death_probabilities(svc, d, years = 2026:2031)
  pop <- data_population("5001")
  pr <- population_project(pop, d, 2026, 2031, components = FALSE)
  r <- services_run(svc, pr, 2026, 2031)
  expect_identical(result_info(r)$mode, "markov")
  a <- result_array(r)
  expect_equal(unname(apply(a, c(1, 2, 4), sum)), unname(population_array(pr)), tolerance = 1e-8)
  expect_true(all(diff(result_users(r, levels = "nursing_home")$users) > 0))
})

test_that("services error paths", {
  sc <- staircase_new()
  staircase_add_level(sc, "home", "home")
  expect_pl_error(services_new(sc), "econsistency")
  expect_pl_error(staircase_add_level(sc, "home", "home"), "eduplicate")
  expect_pl_error(staircase_add_level(sc, "a,b", "home"), "einval")
  expect_pl_error(staircase_find(sc, "nowhere"), "enotfound")
  expect_error(staircase_add_level(sc, "x", "castle"), "unknown level kind")
  svc <- services_new(small_staircase())
  pop <- data_population("5001")
  expect_pl_error(services_run(svc, pop, 2024, 2025), "estate")
  expect_pl_error(services_set_rates(svc, array(0.1, c(3, 2, 1)), c(0, 80)), "edimension")
  expect_pl_error(services_set_rates(svc, array(0.7, c(3, 2, 2)), c(0, 80)), "evalue")
  expect_pl_error(services_set_rates(svc, array(0.1, c(3, 2, 2)), c(10, 80)), "einval")
  expect_pl_error(services_set_capacity(svc, "none", 1, 2025), "econsistency")
  expect_pl_error(services_set_capacity(svc, "home", -1, 2025), "evalue")
  expect_pl_error(services_set_rates_kostra(svc, "5001", 2025), "econsistency")
  expect_pl_error(services_kostra_users("9999", 2025), "enotfound")
  expect_pl_error(services_parse_capacity_csv(svc, c("year,level,places", "2025,castle,1"),
                                              "c.csv"), "enotfound", "c.csv:2")
  expect_pl_error(services_read_capacity_csv(svc, file.path(tempdir(), "none.csv")), "eio")
  expect_pl_error(services_set_healthy_ageing(svc, 2), "evalue")
  services_set_rates(svc, array(0.1, c(3, 2, 2)), c(0, 80))
  expect_pl_error(services_run(svc, pop, 2020, 2025), "erange")
  services_set_mode(svc, "markov")
  expect_pl_error(services_run(svc, pop, 2024, 2025), "estate")
  tr <- transitions_new(3, c(0, 80))
  expect_pl_error(transitions_set_matrix(tr, matrix(0.5, 3, 3)), "estochastic", "row")
  expect_pl_error(transitions_set_matrix(tr, diag(2)), "edimension")
  expect_pl_error(transitions_set_mortality(tr, c(-1, 1, 1)), "evalue")
  expect_pl_error(transitions_new(3, c(5, 80)), "einval")
  expect_pl_error(services_set_transitions(svc, transitions_new(2, 0)), "edimension")
  expect_pl_error(transitions_parse_csv(c("age_from,sex,from,to,probability",
                                          "0,both,none,home,0.5"), small_staircase(), "t.csv"),
                  "estochastic", "t.csv")
  expect_error(transitions_set_matrix(tr, diag(3), age_from = 50), "no band starts at age 50")
  svc2 <- services_new()
  services_set_rates_kostra(svc2, "5001", 2025)
  r <- services_run(svc2, pop, 2025, 2026)
  expect_pl_error(result_get(r, "users", 2030, "long_term"), "erange")
  expect_pl_error(result_coverage(r, "long_term", age_lo = 200), "erange")
  expect_error(result_users(r, levels = "castle"), "unknown level")
  expect_pl_error(result_write_csv(r, file.path(tempdir(), "no", "dir.csv")), "eio")
})

test_that("finalizers free the C objects (RSS stays flat over many results)", {
  skip_if_not(file.exists("/proc/self/status"), "no /proc/self/status")
  rss_mb <- function() {
    l <- grep("^VmRSS:", readLines("/proc/self/status"), value = TRUE)
    as.numeric(gsub("[^0-9]", "", l)) / 1024
  }
  pop <- population_project(data_population("5001"), demography_default("5001", 2025), 2026,
                            2040, components = FALSE)
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  run <- function(n) for (i in seq_len(n)) {
    r <- services_run(svc, pop, 2026, 2040)       # about 400 kB of C memory each
    p <- population_copy(pop)
  }
  run(400)
  invisible(gc())
  before <- rss_mb()
  run(400)                                        # 160 MB more if nothing were freed
  invisible(gc())
  run(400)
  invisible(gc())
  expect_lt(rss_mb() - before, 60)
  # freeing at once: every handle kind, and a borrowed view only detached
  for (h in list(pop = population_copy(pop), svc = services_new(),
                 r = services_run(svc, pop, 2026, 2027), sc = staircase_default(),
                 tr = transitions_new(2, 0), st = staffing_default(2026, 1),
                 co = costs_new(1, 2026, 1), sn = scenario_new("a"),
                 pl = plan_new("5001", 2026, 2027), es = estimate_new(2, 0),
                 de = demography_new(2026), ch = cohort_new("a", 1))) {
    planomsorg_free(h)
    planomsorg_free(h)
    expect_error(print(h), "no longer valid", info = class(h))
  }
  pr <- plan_run(plan_new("5001", 2026, 2027))
  v <- plan_result_services(pr)
  planomsorg_free(v)
  expect_error(result_info(v), "no longer valid")
  expect_equal(length(plan_result_get(pr, "users")), 2)
  expect_error(planomsorg_free(1), "expected a planomsorg object")
})
