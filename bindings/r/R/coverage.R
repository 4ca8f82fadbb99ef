# coverage.h: coverage rates (dekningsgrad), places for targets, standardisation.

coverage_rate <- function(count, pop, year, age_lo = 80L, age_hi = NA) {
  a <- .recycle(as.double(count), as.integer(year))
  .Call(C_coverage_rate, a[[1]], pop, a[[2]], as.integer(age_lo), .age_hi(age_hi))
}

coverage_required <- function(target, pop, year, age_lo = 80L, age_hi = NA) {
  a <- .recycle(as.double(target), as.integer(year))
  .Call(C_coverage_required, a[[1]], pop, a[[2]], as.integer(age_lo), .age_hi(age_hi))
}

coverage_path <- function(capacity, pop, first_year, age_lo = 80L, age_hi = NA) {
  capacity <- as.double(capacity)
  cov <- .Call(C_coverage_path, capacity, pop, as.integer(first_year), as.integer(age_lo),
               .age_hi(age_hi))
  data.frame(year = seq.int(as.integer(first_year), length.out = length(capacity)),
             capacity = capacity, coverage = cov)
}

coverage_first_below <- function(path, first_year, target) {
  .Call(C_coverage_first_below, as.double(path), as.integer(first_year), as.double(target))
}

coverage_places_to_add <- function(current_places, target, pop, first_year, n_years,
                                   age_lo = 80L, age_hi = NA) {
  added <- .Call(C_coverage_places_to_add, as.double(current_places), as.double(target),
                 as.integer(n_years), pop, as.integer(first_year), as.integer(age_lo),
                 .age_hi(age_hi))
  years <- seq.int(as.integer(first_year), length.out = length(added))
  data.frame(year = years,
             required = coverage_required(target, pop, years, age_lo, age_hi),
             added = added, capacity = as.double(current_places) + cumsum(added))
}

standardise_direct <- function(rates, weights) {
  .Call(C_standardise_direct, as.double(rates), as.double(weights))
}

coverage_standardised <- function(users, population, age_lo, age_hi, standard,
                                  standard_year) {
  .Call(C_coverage_standardised, as.double(users), as.double(population),
        as.integer(age_lo), .age_hi(age_hi), standard, as.integer(standard_year))
}
