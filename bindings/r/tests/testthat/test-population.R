test_that("the array is the C layout read column-major (non-square, all cells)", {
  p <- population_new(2020, 3, max_age = 4)       # array 5 x 2 x 3
  for (y in 2020:2022) for (s in 0:1) for (a in 0:4) {
    population_set(p, y, s, a, 1000 * (y - 2020) + 100 * s + a)
  }
  x <- population_array(p)
  expect_identical(dim(x), c(5L, 2L, 3L))
  expect_identical(dimnames(x)$sex, c("female", "male"))
  g <- expand.grid(a = 0:4, s = 0:1, y = 2020:2022)
  expect_equal(x[cbind(g$a + 1, g$s + 1, g$y - 2019)],
               population_get(p, g$y, g$s, g$a))
  expect_equal(x["3", "male", "2021"], 1103)
  m <- population_matrix(p)
  expect_identical(dim(m), c(5L, 3L))
  expect_equal(m["2", "2022"], 2002 + 2102)
  expect_equal(population_matrix(p, "male")[, "2020"], 100 + 0:4, ignore_attr = TRUE)
  # Round trip through an array that is not square in any direction
  q <- population_from_array(x)
  expect_identical(population_array(q), x)
  expect_identical(population_years(q), 2020:2022)
})

test_that("bands are sums of the exported array", {
  p <- data_population()
  x <- population_array(p)
  b <- standard_bands()
  expect_equal(nrow(b), 11)
  res <- population_bands(p, sex = c("female", "male", "both"))
  for (i in seq_len(nrow(b))) {
    ages <- seq(b$age_lo[i], if (is.na(b$age_hi[i])) 105 else b$age_hi[i]) + 1
    for (sx in c("female", "male", "both")) {
      want <- if (sx == "both") colSums(x[ages, "female", ] + x[ages, "male", ])
              else colSums(x[ages, sx, , drop = FALSE][, 1, ])
      got <- res$persons[res$band == b$band[i] & res$sex == sx]
      expect_equal(got, unname(want), tolerance = 1e-12)
    }
  }
  expect_equal(population_sum(p, 2026, 67, NA), sum(x[68:106, , "2026"]))
  expect_equal(population_sum(p, 2026, 20, 66, "male"), sum(x[21:67, "male", "2026"]))
})

test_that("planning ratios agree with hand computation", {
  p <- data_population("0301")
  r <- population_ratios(p)
  x <- population_array(p)
  s <- function(lo, hi) colSums(x[(lo:hi) + 1, "female", ] + x[(lo:hi) + 1, "male", ])
  expect_equal(r$ratio_67p_per_20_66, unname(s(67, 105) / s(20, 66)), tolerance = 1e-12)
  expect_equal(r$ratio_80p_per_20_66, unname(s(80, 105) / s(20, 66)), tolerance = 1e-12)
  expect_equal(r$ratio_50_66_per_85p, unname(s(50, 66) / s(85, 105)), tolerance = 1e-12)
  expect_equal(population_ratio(p, 2025, "ratio_67p_per_20_66"), r$ratio_67p_per_20_66[2])
})

test_that("data frames round-trip and match the CSV writer", {
  p <- data_population("5001")
  df <- as.data.frame(p)
  expect_identical(names(df), c("year", "age", "sex", "persons"))
  expect_equal(nrow(df), 3 * 106 * 2)
  csv <- utils::read.csv(text = population_format_csv(p), stringsAsFactors = FALSE)
  expect_equal(csv, df, ignore_attr = TRUE)
  q <- population_from_data_frame(df[sample(nrow(df)), ])   # any row order
  expect_identical(population_array(q), population_array(p))
})

test_that("copies, slices and setters", {
  p <- data_population("5001")
  q <- population_copy(p)
  population_set(q, 2025, "female", 90, 1)
  expect_equal(population_get(q, 2025, "female", 90), 1)
  expect_false(population_get(p, 2025, "female", 90) == 1)
  s <- population_slice(p, 2025, 2)
  expect_identical(population_years(s), 2025:2026)
  expect_identical(population_array(s), population_array(p)[, , 2:3, drop = FALSE])
  expect_equal(population_max_age(s), 105)
  population_import(q, population_array(p))
  expect_identical(population_array(q), population_array(p))
})

test_that("print and summary", {
  p <- data_population("5001")
  expect_output(print(p), "2024-2026, ages 0-105")
  s <- summary(p)
  expect_s3_class(s, "summary.planomsorg_population")
  expect_equal(s$bands$all, population_bands(p, "all")$persons)
  expect_output(print(s), "Planning ratios")
})

test_that("every error path of population raises the library's condition", {
  expect_pl_error(population_new(2020, 0), "erange", "number of years 0")
  expect_pl_error(population_new(2020, 1, 1000), "erange", "max age 1000")
  p <- population_new(2020, 2, 10)
  expect_pl_error(population_get(p, 2030, "female", 1), "erange", "2030")
  expect_pl_error(population_get(p, 2020, "female", 11), "erange")
  expect_pl_error(population_get(p, 2020, 7, 1), "einval")
  expect_pl_error(population_set(p, 2020, "male", 3, -1), "evalue")
  expect_pl_error(population_set(p, 2020, "male", 3, NaN), "evalue")
  expect_pl_error(population_set(p, 2020, "both", 3, 1), "einval")
  expect_pl_error(population_import(p, 1:5), "edimension")
  expect_pl_error(population_import(p, rep(-1, 44)), "evalue")
  expect_pl_error(population_slice(p, 2021, 2), "erange")
  expect_pl_error(population_sum(p, 2020, 5, 3), "erange")
  expect_pl_error(population_bands(p, 99L), "einval")
  expect_pl_error(population_ratio(p, 2020, 0), "erange")       # band 67+ beyond max_age 10
  expect_pl_error(population_ratio(population_new(2020), 2020, 0), "enumeric")  # 0 / 0
  expect_pl_error(population_ratio(p, 2020, 9L), "einval")
  # conditions carry code and the call of the user's function
  e <- expect_pl_error(population_get(p, 1900, 0, 0), "erange")
  expect_equal(e$code, -3L)
  expect_match(deparse(conditionCall(e)), "population_get")
  # data frames with gaps, duplicates and bad values (messages from the CSV reader)
  df <- as.data.frame(p)
  expect_pl_error(population_from_data_frame(df[-5, ]), "emissing", "data frame")
  expect_pl_error(population_from_data_frame(rbind(df, df[3, ])), "eduplicate")
  df$persons[7] <- -2
  expect_pl_error(population_from_data_frame(df), "evalue")
  expect_error(population_from_data_frame(df[, 1:3]), "lacks column")
  expect_error(population_from_array(1:10, 2020), "array")
  expect_error(population_get(p, 2020, "x", 1), "unknown sex")
  # a freed handle and a wrong object are refused
  population_free(p)
  expect_error(population_years(p), "no longer valid")
  expect_error(population_years(list()), "expected a planomsorg_population")
  expect_error(population_years(demography_new(2020)), "expected a planomsorg_population")
})

test_that("status codes and classes", {
  s <- planomsorg_status_codes()
  expect_equal(s$code[1], 0L)
  expect_true(all(c("planomsorg_evalue", "planomsorg_erange") %in% s$condition_class))
  expect_match(planomsorg_status(-6), "PLANOMSORG_EVALUE")
  v <- planomsorg_version()
  expect_identical(v$runtime_number %/% 10000L, v$built_number %/% 10000L)
})

test_that("print and summary work for populations with a low open age", {
  p <- population_new(2020, 2, 3)
  population_import(p, as.double(1:16))
  expect_output(print(p), "ages 0-3")
  s <- summary(p)
  expect_identical(names(s$bands), c("year", "all"))
  expect_equal(s$bands$all, c(sum(1:8), sum(9:16)))
  expect_null(s$ratios)
  expect_output(print(s), "Persons by band")
})
