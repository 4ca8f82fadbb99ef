test_that("embedded municipalities and regions", {
  m <- data_municipalities()
  expect_equal(nrow(m), 357)
  expect_identical(m$code, sort(m$code))
  expect_identical(data_region_name("5001"), "Trondheim")
  expect_identical(data_region_name(NULL), "Norway")
  expect_identical(data_region_name("9999"), NA_character_)
  expect_match(data_sources(), "NLOD")
  expect_length(kostra_names(), 11)
})

test_that("the CLI's profile CSV agrees with the data frames", {
  r <- run_cli(c("profile", "--municipality", "5001", "--year", "2025", "--format", "csv"))
  expect_equal(r$status, 0L)
  csv <- utils::read.csv(text = r$out, stringsAsFactors = FALSE)
  val <- stats::setNames(csv$value, csv$indicator)
  num <- function(k) as.numeric(val[[k]])
  p <- data_population("5001")
  b <- population_bands(p, years = 2025)
  for (i in seq_len(nrow(b))) {
    key <- paste0("population_", gsub("-", "_", sub("\\+", "p", b$band[i])))
    expect_equal(num(key), b$persons[i], info = key)
  }
  rat <- population_ratios(p, 2025)
  for (k in ratio_names()) expect_equal(num(k), rat[[k]], tolerance = 1e-15, info = k)
  k <- data_kostra("5001", 2025)
  for (n in names(k)) expect_equal(num(n), unname(k[n]), info = n)
  expect_equal(num("coverage_longterm_80p"), coverage_rate(k[["longterm_80p"]], p, 2025),
               tolerance = 1e-15)
  expect_equal(num("coverage_24h_80p"),
               coverage_rate(k[["longterm"]] + k[["housing24"]], p, 2025), tolerance = 1e-15)
})

test_that("data errors", {
  expect_pl_error(data_population("9999"), "enotfound", "9999")
  e <- expect_pl_error(data_population("B\u00e6rum"), "enotfound", "B\u00e6rum")
  expect_identical(Encoding(conditionMessage(e)), "UTF-8")     # the library's UTF-8 kept
  expect_pl_error(data_kostra("9999", 2025), "enotfound")
  expect_pl_error(data_kostra("5001", 1990), "enotfound")
  expect_pl_error(data_kostra("5001", 2025, 99L), "einval")
  expect_error(data_kostra("5001", 2025, "nonsense"), "unknown KOSTRA indicator")
  expect_error(data_population(5001), "single string")
})
