test_that("CSV files round-trip exactly", {
  p <- data_population("1106")
  f <- tempfile(fileext = ".csv")
  on.exit(unlink(f))
  population_write_csv(p, f)
  q <- population_read_csv(f)
  expect_identical(population_array(q), population_array(p))
  expect_identical(paste0(paste(readLines(f), collapse = "\n"), "\n"), population_format_csv(p))
})

test_that("SSB 07459 exports: one municipality and all regions summed", {
  text <- c('"07459: Population, by region, age, contents, year and sex"', "",
            '"region";"age";"Persons 2024 Males";"Persons 2024 Females"',
            '"K-3101 Halden";"0 years";159;127', '"K-3101 Halden";"1 year";134;111',
            '"K-3101 Halden";"2 years or older";5;6',
            '"K-3201 Baerum";"0 years";1;2', '"K-3201 Baerum";"1 year";3;4',
            '"K-3201 Baerum";"2 years or older";7;8')
  p <- population_parse_ssb(text, "s", "3201")
  x <- population_array(p)
  expect_equal(x[, "male", 1], c(1, 3, 7), ignore_attr = TRUE)
  expect_equal(x[, "female", 1], c(2, 4, 8), ignore_attr = TRUE)
  all <- population_array(population_parse_ssb(text, "s"))
  expect_equal(all[, "male", 1], c(160, 137, 12), ignore_attr = TRUE)
  f <- tempfile(fileext = ".csv")
  on.exit(unlink(f))
  writeLines(text, f)
  expect_identical(population_array(population_read_ssb(f, "3101"))[, "female", 1],
                   c("0" = 127, "1" = 111, "2" = 6))
  expect_pl_error(population_parse_ssb(text, "s", "0999"), "enotfound")
})

test_that("reader errors carry source, line and column", {
  expect_pl_error(population_read_csv(file.path(tempdir(), "no-such-file.csv")), "eio",
                  "no-such-file.csv")
  expect_pl_error(population_parse_csv("", "empty.csv"), "eempty")
  expect_pl_error(population_parse_csv(c("year,age,sex", "2020,0,female"), "a.csv"),
                  "eformat", "a.csv")
  expect_pl_error(population_parse_csv(c("year,age,sex,persons", "2020,0,female,x",
                                         "2020,0,male,1"), "b.csv"), "evalue", "b.csv:2")
  expect_pl_error(population_parse_csv(c("year,age,sex,persons", "2020,0,other,1"), "c.csv"),
                  "evalue", "c.csv:2")
  expect_pl_error(population_parse_csv(as.raw(c(0x79, 0xff, 0x0a)), "d.csv"), "eencoding")
  expect_pl_error(population_write_csv(population_new(2020),
                                       file.path(tempdir(), "no", "dir", "x.csv")), "eio")
  expect_pl_error(population_read_ssb(file.path(tempdir(), "none.csv")), "eio")
})
