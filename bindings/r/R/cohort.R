# cohort.h: generic Markov cohort model (states, matrices, values, discounting).

.cohort_info <- function(model) {
  i <- .Call(C_cohort_info, model)
  list(states = i[[1]], n_cycles = i[[2]])
}

cohort_new <- function(states, n_cycles, p = NULL, initial = NULL, values = NULL,
                       discount = 0, half_cycle = FALSE) {
  m <- .Call(C_cohort_new, as.character(states), as.integer(n_cycles))
  if (!is.null(p)) cohort_set_matrix(m, p)
  if (!is.null(initial)) cohort_set_initial(m, initial)
  if (!is.null(values)) cohort_set_values(m, values)
  if (discount != 0) cohort_set_discount(m, discount)
  if (half_cycle) cohort_set_half_cycle(m, TRUE)
  m
}

cohort_read_csv <- function(transitions, initial, values = NULL, n_cycles = 0L) {
  .Call(C_cohort_read_csv, path.expand(transitions), path.expand(initial),
        if (is.null(values)) NULL else path.expand(values), as.integer(n_cycles))
}

cohort_states <- function(model) .cohort_info(model)$states

cohort_state_index <- function(model, name) .Call(C_cohort_state_index, model, name) + 1L

# P is an R matrix [from, to] (rows sum to 1), as it is printed.
cohort_set_matrix <- function(model, p, cycle = 0L) {
  p <- as.matrix(p)
  n <- length(cohort_states(model))
  if (!identical(dim(p), c(n, n))) {
    stop(sprintf("'p' must be a %d x %d matrix", n, n), call. = FALSE)
  }
  storage.mode(p) <- "double"
  invisible(.Call(C_cohort_set_matrix, model, as.integer(cycle), p))
}

cohort_set_initial <- function(model, share) {
  invisible(.Call(C_cohort_set_initial, model, as.double(share)))
}

cohort_set_values <- function(model, values, cycle = 0L) {
  invisible(.Call(C_cohort_set_values, model, as.integer(cycle), as.double(values)))
}

cohort_set_discount <- function(model, rate) {
  invisible(.Call(C_cohort_set_discount, model, as.double(rate)))
}

cohort_set_half_cycle <- function(model, on = TRUE) {
  invisible(.Call(C_cohort_set_half_cycle, model, isTRUE(on)))
}

cohort_run <- function(model) {
  r <- .Call(C_cohort_run, model)
  attr(r, "states") <- cohort_states(model)
  r
}

cohort_trace <- function(result) {
  t <- .Call(C_cohort_trace, result)
  dimnames(t) <- list(cycle = as.character(seq_len(nrow(t)) - 1L), state = attr(result, "states"))
  t
}

cohort_cycles <- function(result) {
  m <- .Call(C_cohort_measures, result)
  out <- as.data.frame(m[[1]])
  names(out) <- m[[3]]
  cbind(data.frame(cycle = seq_len(nrow(out))), out)
}

cohort_totals <- function(result) {
  m <- .Call(C_cohort_measures, result)
  stats::setNames(m[[2]], m[[3]])
}

cohort_absorbing <- function(result) {
  m <- .Call(C_cohort_measures, result)
  stats::setNames(m[[4]], attr(result, "states"))
}

cohort_result_cycle <- function(result, measure, cycle) {
  names <- names(cohort_totals(result))
  .Call(C_cohort_result_cycle, result, .code(measure, names, "measure"), as.integer(cycle))
}

print.planomsorg_cohort <- function(x, ...) {
  i <- .cohort_info(x)
  cat(sprintf("<planomsorg_cohort> %d states (%s), %d cycles\n", length(i$states),
              paste(i$states, collapse = ", "), i$n_cycles))
  invisible(x)
}

print.planomsorg_cohort_result <- function(x, ...) {
  t <- cohort_trace(x)
  cat(sprintf("<planomsorg_cohort_result> %d cycles, %d states\n", nrow(t) - 1L, ncol(t)))
  print(cohort_totals(x), ...)
  invisible(x)
}

summary.planomsorg_cohort_result <- function(object, ...) {
  t <- cohort_trace(object)
  structure(list(n_cycles = nrow(t) - 1L, final = t[nrow(t), ], totals = cohort_totals(object),
                 absorbing = cohort_absorbing(object)),
            class = "summary.planomsorg_cohort_result")
}

print.summary.planomsorg_cohort_result <- function(x, ...) {
  cat(sprintf("Markov cohort, %d cycles\nShares after the last cycle:\n", x$n_cycles))
  print(x$final, digits = 6, ...)
  cat("Absorbing states:", paste(names(x$absorbing)[x$absorbing], collapse = ", "), "\n")
  cat("Totals:\n")
  print(x$totals, digits = 8, ...)
  invisible(x)
}
