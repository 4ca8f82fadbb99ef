test_that("coverage and required places agree with hand computation", {
  p <- data_population("5001")
  x <- population_array(p)
  p80 <- colSums(x[81:106, "female", ] + x[81:106, "male", ])
  expect_equal(coverage_rate(c(875, 900, 950), p, 2024:2026), c(875, 900, 950) / unname(p80),
               tolerance = 1e-14)
  expect_equal(coverage_rate(100, p, 2025, 67, 79),
               100 / sum(x[68:80, , "2025"]), tolerance = 1e-14)
  expect_equal(coverage_required(0.14, p, 2024:2026), 0.14 * unname(p80), tolerance = 1e-14)
  path <- coverage_path(c(1000, 1000, 1000), p, 2024)
  expect_equal(path$coverage, 1000 / unname(p80), tolerance = 1e-14)
  expect_identical(path$year, 2024:2026)
})

test_that("first year below a target and places to add follow their definitions", {
  expect_identical(coverage_first_below(c(0.15, 0.14, 0.13, 0.12), 2030, 0.135), 2032L)
  expect_identical(coverage_first_below(c(0.15, 0.16), 2030, 0.1), NA_integer_)
  pr <- population_project(data_population("5001"), demography_default("5001", 2025), 2026,
                           2040, components = FALSE)
  add <- coverage_places_to_add(1200, 0.14, pr, 2026, 15)
  req <- 0.14 * population_sum(pr, 2026:2040, 80, NA)
  cap <- cummax(c(1200, req))[-1]                       # C(t) = max(C(t-1), R(t))
  expect_equal(add$required, req, tolerance = 1e-12)
  expect_equal(add$capacity, cap, tolerance = 1e-9)
  expect_equal(add$added, diff(c(1200, cap)), tolerance = 1e-9)
  expect_true(all(add$added >= 0))
})

test_that("direct standardisation is the weighted mean", {
  r <- c(0.01, 0.05, 0.2, 0.4)
  w <- c(500, 300, 150, 50)
  expect_equal(standardise_direct(r, w), weighted.mean(r, w), tolerance = 1e-15)
  nor <- data_population()
  lo <- c(67L, 80L, 90L)
  hi <- c(79L, 89L, NA)
  users <- c(100, 400, 300)
  pop <- c(20000, 6000, 1300)
  w <- c(population_sum(nor, 2024, 67, 79), population_sum(nor, 2024, 80, 89),
         population_sum(nor, 2024, 90, NA))
  expect_equal(coverage_standardised(users, pop, lo, hi, nor, 2024),
               sum(users / pop * w) / sum(w), tolerance = 1e-14)
})

test_that("coverage errors carry the library's status and message", {
  p <- data_population("5001")
  expect_pl_error(coverage_rate(-1, p, 2025), "evalue")
  expect_pl_error(coverage_rate(NaN, p, 2025), "evalue")
  expect_pl_error(coverage_rate(1, p, 2030), "erange")
  expect_pl_error(coverage_rate(1, population_new(2025, 1, 105), 2025), "enumeric")
  expect_pl_error(coverage_required(1.5, p, 2025), "evalue")
  expect_pl_error(coverage_path(c(1, 2, 3, 4), p, 2024), "erange")
  expect_pl_error(coverage_path(numeric(), p, 2024), "einval")
  expect_pl_error(coverage_first_below(c(0.1, NaN), 2020, 0.1), "evalue")
  expect_pl_error(coverage_places_to_add(-5, 0.1, p, 2024, 2), "evalue")
  expect_pl_error(standardise_direct(c(1, 2), c(0, 0)), "enumeric")
  expect_pl_error(standardise_direct(c(1, NaN), c(1, 1)), "evalue")
  expect_error(standardise_direct(c(1, 2), 1), "must have 2 elements")
  expect_pl_error(coverage_standardised(1, 0, 80L, NA, p, 2025), "enumeric")
  expect_pl_error(coverage_standardised(-1, 10, 80L, NA, p, 2025), "evalue")
})
