# population.h, io.h and data.h: populations by year, sex and single age.

.pop_dims <- function(pop) {
  d <- .Call(C_population_dims, pop)
  list(first_year = d[1], n_years = d[2], max_age = d[3],
       years = seq.int(d[1], length.out = d[2]))
}

population_new <- function(first_year, n_years = 1L, max_age = 105L) {
  .Call(C_population_new, as.integer(first_year), as.integer(n_years), as.integer(max_age))
}

population_copy <- function(pop) .Call(C_population_copy, pop)

population_slice <- function(pop, first_year, n_years = 1L) {
  .Call(C_population_slice, pop, as.integer(first_year), as.integer(n_years))
}

population_free <- function(pop) invisible(.Call(C_population_free, pop))

population_years <- function(pop) .pop_dims(pop)$years

population_max_age <- function(pop) .pop_dims(pop)$max_age

population_array <- function(pop) {
  d <- .pop_dims(pop)
  x <- .Call(C_population_export, pop)
  dimnames(x) <- list(age = as.character(0:d$max_age), sex = c("female", "male"),
                      year = as.character(d$years))
  x
}

population_matrix <- function(pop, sex = c("both", "female", "male")) {
  sex <- match.arg(sex)
  x <- population_array(pop)
  if (sex == "both") x[, "female", , drop = TRUE] + x[, "male", , drop = TRUE]
  else x[, sex, , drop = TRUE]
}

population_from_array <- function(x, first_year = NULL) {
  d <- dim(x)
  if (length(d) != 3L || d[2] != 2L) {
    stop("'x' must be an array [age, sex, year] with 2 sexes (female, male)", call. = FALSE)
  }
  if (is.null(first_year)) {
    yrs <- dimnames(x)[[3]]
    if (is.null(yrs)) stop("'first_year' is needed when 'x' has no year dimnames", call. = FALSE)
    first_year <- as.integer(yrs[1])
  }
  pop <- population_new(first_year, d[3], d[1] - 1L)
  .Call(C_population_import, pop, as.double(x))
  pop
}

population_import <- function(pop, x) {
  invisible(.Call(C_population_import, pop, as.double(x)))
}

population_get <- function(pop, year, sex, age) {
  a <- .recycle(as.integer(year), .sex(sex), as.integer(age))
  .Call(C_population_get, pop, a[[1]], a[[2]], a[[3]])
}

population_set <- function(pop, year, sex, age, persons) {
  a <- .recycle(as.integer(year), .sex(sex), as.integer(age), as.double(persons))
  invisible(.Call(C_population_set, pop, a[[1]], a[[2]], a[[3]], a[[4]]))
}

population_sum <- function(pop, year, age_lo = 0L, age_hi = NA, sex = "both") {
  a <- .recycle(as.integer(year), .sex(sex), as.integer(age_lo), .age_hi(age_hi))
  .Call(C_population_sum, pop, a[[1]], a[[2]], a[[3]], a[[4]])
}

standard_bands <- function() {
  b <- .Call(C_bands)
  data.frame(code = b[[1]], band = b[[2]], age_lo = b[[3]], age_hi = b[[4]],
             stringsAsFactors = FALSE)
}

.band_codes <- function(band) {
  if (is.numeric(band)) return(as.integer(band))
  .code(band, standard_bands()$band, "band")
}

population_bands <- function(pop, bands = standard_bands()$band, years = NULL,
                             sex = "both") {
  if (is.null(years)) years <- population_years(pop)
  codes <- .band_codes(bands)
  names <- standard_bands()$band[match(codes, standard_bands()$code)]
  g <- expand.grid(band = seq_along(codes), sex = seq_along(sex), year = years,
                   KEEP.OUT.ATTRS = FALSE)
  persons <- .Call(C_population_band, pop, as.integer(g$year), .sex(sex)[g$sex],
                   codes[g$band])
  data.frame(year = as.integer(g$year),
             sex = if (is.numeric(sex)) sex[g$sex] else as.character(sex)[g$sex],
             band = ifelse(is.na(names[g$band]), as.character(codes[g$band]), names[g$band]),
             persons = persons, stringsAsFactors = FALSE)
}

ratio_names <- function() .Call(C_ratio_names)

population_ratios <- function(pop, years = NULL) {
  if (is.null(years)) years <- population_years(pop)
  years <- as.integer(years)
  out <- data.frame(year = years)
  nm <- ratio_names()
  for (k in seq_along(nm)) {
    out[[nm[k]]] <- .Call(C_population_ratio, pop, years, rep(k - 1L, length(years)))
  }
  out
}

population_ratio <- function(pop, year, ratio) {
  r <- if (is.numeric(ratio)) as.integer(ratio) else .code(ratio, ratio_names(), "ratio")
  a <- .recycle(as.integer(year), r)
  .Call(C_population_ratio, pop, a[[1]], a[[2]])
}

# Long data frame in the order of population_format_csv(): year, age, sex.
as.data.frame.planomsorg_population <- function(x, row.names = NULL, optional = FALSE, ...) {
  a <- population_array(x)
  d <- dim(a)
  # aperm to [sex, age, year] so that sex varies fastest, then age, then year
  v <- aperm(a, c(2L, 1L, 3L))
  data.frame(year = rep(as.integer(dimnames(a)$year), each = d[1] * 2L),
             age = rep(rep(0:(d[1] - 1L), each = 2L), times = d[3]),
             sex = rep(c("female", "male"), times = d[1] * d[3]),
             persons = as.vector(v), stringsAsFactors = FALSE)
}

population_from_data_frame <- function(df, source = "data frame") {
  need <- c("year", "age", "sex", "persons")
  miss <- setdiff(need, names(df))
  if (length(miss)) {
    stop(sprintf("data frame lacks column(s) %s", paste(miss, collapse = ", ")), call. = FALSE)
  }
  # The library's CSV parser checks the cells (duplicates, gaps, values) and
  # reports them with its own messages; 17 significant digits round-trip exactly.
  sex <- as.character(df$sex)
  sex[sex %in% c("0", "F", "f", "K", "k")] <- "female"
  sex[sex %in% c("1", "M", "m")] <- "male"
  pers <- ifelse(is.na(df$persons), "NaN", sprintf("%.17g", as.double(df$persons)))
  lines <- paste(df$year, df$age, sex, pers, sep = ",")
  text <- paste0(c("year,age,sex,persons", lines, ""), collapse = "\n")
  population_parse_csv(text, source = source)
}

# ---- io.h

population_read_csv <- function(path) .Call(C_population_read_csv, path.expand(path))

population_read_ssb <- function(path, region = NULL) {
  .Call(C_population_read_ssb, path.expand(path), region)
}

.as_raw <- function(text) {
  if (is.raw(text)) return(text)
  charToRaw(enc2utf8(paste(text, collapse = "\n")))
}

population_parse_csv <- function(text, source = NULL) {
  .Call(C_population_parse_csv, .as_raw(text), source)
}

population_parse_ssb <- function(text, source = NULL, region = NULL) {
  .Call(C_population_parse_ssb, .as_raw(text), source, region)
}

population_write_csv <- function(pop, path) {
  .Call(C_population_write_csv, pop, path.expand(path))
  invisible(path)
}

population_format_csv <- function(pop) .Call(C_population_format_csv, pop)

# ---- data.h

data_population <- function(region = NULL) .Call(C_data_population, region)

data_municipalities <- function() {
  m <- .Call(C_data_municipalities)
  data.frame(code = m[[1]], name = m[[2]], stringsAsFactors = FALSE)
}

data_region_name <- function(region = NULL) .Call(C_data_region_name, region)

kostra_names <- function() .Call(C_kostra_names)

data_kostra <- function(region = NULL, year, indicators = kostra_names()) {
  codes <- if (is.numeric(indicators)) as.integer(indicators)
           else .code(indicators, kostra_names(), "KOSTRA indicator")
  v <- .Call(C_data_kostra, region, as.integer(year), codes)
  names(v) <- kostra_names()[codes + 1L]
  v
}

data_sources <- function() .Call(C_data_sources)

# ---- S3 methods

# The wanted standard bands that a population with this open age can answer.
.fitting_bands <- function(pop, wanted) {
  b <- standard_bands()
  A <- .pop_dims(pop)$max_age
  ok <- b$band[(is.na(b$age_hi) & b$age_lo <= A) | (!is.na(b$age_hi) & b$age_hi < A)]
  wanted[wanted %in% ok]
}

.region_label <- function(x) {
  r <- attr(x, "region")
  if (is.null(r)) "" else paste0(" (", r, ")")
}

print.planomsorg_population <- function(x, ...) {
  d <- .pop_dims(x)
  cat(sprintf("<planomsorg_population> %d-%d, ages 0-%d (%d+ open)\n",
              d$first_year, d$first_year + d$n_years - 1L, d$max_age, d$max_age))
  show <- unique(c(d$years[1], d$years[d$n_years]))
  b <- population_bands(x, .fitting_bands(x, c("0-66", "67-79", "80+", "all")), years = show)
  w <- stats::reshape(b[, c("year", "band", "persons")], idvar = "year", timevar = "band",
                      direction = "wide")
  names(w) <- sub("^persons\\.", "", names(w))
  rownames(w) <- NULL
  print(w, ...)
  invisible(x)
}

summary.planomsorg_population <- function(object, ...) {
  d <- .pop_dims(object)
  b <- population_bands(object, .fitting_bands(object, c("0-19", "20-66", "67-79", "80-89",
                                                          "90+", "all")))
  w <- stats::reshape(b[, c("year", "band", "persons")], idvar = "year", timevar = "band",
                      direction = "wide")
  names(w) <- sub("^persons\\.", "", names(w))
  rownames(w) <- NULL
  r <- tryCatch(population_ratios(object), planomsorg_error = function(e) NULL)
  structure(list(first_year = d$first_year, n_years = d$n_years, max_age = d$max_age,
                 bands = w, ratios = r),
            class = "summary.planomsorg_population")
}

print.summary.planomsorg_population <- function(x, ...) {
  cat(sprintf("Population %d-%d, single ages 0-%d (open band %d+)\n\nPersons by band:\n",
              x$first_year, x$first_year + x$n_years - 1L, x$max_age, x$max_age))
  print(x$bands, row.names = FALSE, ...)
  if (!is.null(x$ratios)) {
    cat("\nPlanning ratios:\n")
    print(x$ratios, row.names = FALSE, digits = 4, ...)
  }
  invisible(x)
}
