# An asymmetric three-state model: any transposition error changes the trace.
P <- matrix(c(0.85, 0.10, 0.05,
              0.20, 0.60, 0.20,
              0.00, 0.00, 1.00), 3, byrow = TRUE,
            dimnames = list(c("well", "sick", "dead"), c("well", "sick", "dead")))

hand_trace <- function(P, x0, n) {
  out <- matrix(0, n + 1, length(x0))
  out[1, ] <- x0
  for (t in seq_len(n)) out[t + 1, ] <- out[t, ] %*% P
  out
}

test_that("the trace is the product of the R matrices (11 x 3, row-major converted)", {
  m <- cohort_new(rownames(P), 10, p = P, initial = c(0.7, 0.3, 0))
  r <- cohort_run(m)
  tr <- cohort_trace(r)
  expect_identical(dim(tr), c(11L, 3L))
  expect_identical(colnames(tr), c("well", "sick", "dead"))
  expect_equal(unname(tr), hand_trace(P, c(0.7, 0.3, 0), 10), tolerance = 1e-14)
  expect_equal(cohort_absorbing(r), c(well = FALSE, sick = FALSE, dead = TRUE))
  expect_equal(cohort_state_index(m, "sick"), 2L)
  expect_identical(cohort_states(m), c("well", "sick", "dead"))
})

test_that("totals: life years, values, discounting and half-cycle correction", {
  v <- c(1000, 5000, 0)
  m <- cohort_new(rownames(P), 20, p = P, values = v, discount = 0.035, half_cycle = TRUE)
  r <- cohort_run(m)
  tr <- hand_trace(P, c(1, 0, 0), 20)
  occ <- (tr[-21, ] + tr[-1, ]) / 2
  disc <- 1.035^-(1:20)
  tot <- cohort_totals(r)
  expect_equal(tot[["life_years"]], sum(occ[, 1:2]), tolerance = 1e-12)
  expect_equal(tot[["life_years_discounted"]], sum(occ[, 1:2] * disc), tolerance = 1e-12)
  expect_equal(tot[["value_total"]], sum(occ %*% v), tolerance = 1e-9)
  expect_equal(tot[["value_discounted"]], sum((occ %*% v) * disc), tolerance = 1e-9)
  cyc <- cohort_cycles(r)
  expect_equal(nrow(cyc), 20)
  expect_equal(colSums(cyc[, -1]), tot, tolerance = 1e-12)
  expect_equal(cohort_result_cycle(r, "value_total", 3), cyc$value_total[3])
  # a cycle-specific matrix and values replace the defaults in that cycle only
  P2 <- P
  P2["well", ] <- c(0.5, 0.4, 0.1)
  cohort_set_matrix(m, P2, cycle = 2)
  cohort_set_values(m, c(0, 0, 0), cycle = 1)
  cohort_set_half_cycle(m, FALSE)
  cohort_set_discount(m, 0)
  tr2 <- cohort_trace(cohort_run(m))
  expect_equal(unname(tr2[3, ]), c(tr[2, ] %*% P2), tolerance = 1e-14)
  expect_equal(cohort_totals(cohort_run(m))[["value_total"]],
               sum(tr2[3:21, ] %*% v), tolerance = 1e-9)
  expect_output(print(m), "3 states")
  expect_output(print(r), "20 cycles")
  expect_output(print(summary(r)), "Absorbing states: dead")
})

test_that("CSV models and the CLI's markov output agree with the R model", {
  dir <- tempfile("cohort")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE))
  tf <- file.path(dir, "transitions.csv")
  inf <- file.path(dir, "initial.csv")
  vf <- file.path(dir, "values.csv")
  g <- expand.grid(from = rownames(P), to = colnames(P), stringsAsFactors = FALSE)
  g$probability <- P[cbind(g$from, g$to)]
  utils::write.csv(cbind(cycle = "*", g), tf, row.names = FALSE, quote = FALSE)
  utils::write.csv(data.frame(state = rownames(P), share = c(1, 0, 0)), inf,
                   row.names = FALSE, quote = FALSE)
  utils::write.csv(data.frame(cycle = "*", state = rownames(P), value = c(1, 2, 0)), vf,
                   row.names = FALSE, quote = FALSE)
  m <- cohort_read_csv(tf, inf, vf, n_cycles = 8)
  r <- cohort_run(m)
  r2 <- cohort_run(cohort_new(rownames(P), 8, p = P, values = c(1, 2, 0)))
  expect_equal(cohort_trace(r), cohort_trace(r2), tolerance = 1e-15)
  expect_equal(cohort_totals(r), cohort_totals(r2), tolerance = 1e-15)
  cli <- run_cli(c("markov", "--transitions", tf, "--initial", inf, "--values", vf,
                   "--cycles", "8", "--format", "csv"))
  expect_equal(cli$status, 0L)
  blank <- which(cli$out == "")[1]
  trace <- utils::read.csv(text = cli$out[1:(blank - 1)], stringsAsFactors = FALSE)
  tr <- cohort_trace(r)
  expect_equal(trace$share, tr[cbind(trace$cycle + 1, match(trace$state, colnames(tr)))],
               tolerance = 1e-12)
  tot <- utils::read.csv(text = cli$out[(blank + 1):length(cli$out)], stringsAsFactors = FALSE)
  expect_equal(tot$value, unname(cohort_totals(r)[tot$measure]), tolerance = 1e-12)
  expect_pl_error(cohort_read_csv(file.path(dir, "none.csv"), inf), "eio", "none.csv")
  writeLines(c("cycle,from,to,probability", "*,well,well,0.5", "*,sick,sick,1",
               "*,dead,dead,1"), tf)
  expect_pl_error(cohort_read_csv(tf, inf, n_cycles = 3), "estochastic", "transitions.csv")
  writeLines(c("cycle,from,to,probability", "*,well,well,1"), tf)
  expect_pl_error(cohort_read_csv(tf, inf, n_cycles = 3), "emissing")
  expect_pl_error(cohort_read_csv(tf, inf), "emissing", "number of cycles")
})

test_that("cohort error paths", {
  expect_pl_error(cohort_new(c("a", "a"), 3), "eduplicate", "a")
  expect_pl_error(cohort_new(c("a", ""), 3), "einval")
  expect_pl_error(cohort_new("a", 0), "erange")
  m <- cohort_new(c("a", "b"), 3)
  expect_pl_error(cohort_set_matrix(m, matrix(c(0.5, 0.4, 0, 1), 2, byrow = TRUE)),
                  "estochastic")
  expect_pl_error(cohort_set_matrix(m, matrix(c(1, 0, 0, 1), 2), cycle = 9), "erange")
  expect_error(cohort_set_matrix(m, matrix(1, 3, 3)), "2 x 2")
  expect_pl_error(cohort_set_initial(m, c(0.5, 0.4)), "evalue")
  expect_pl_error(cohort_set_values(m, c(1, NaN)), "evalue")
  expect_pl_error(cohort_set_discount(m, -0.1), "evalue")
  expect_pl_error(cohort_state_index(m, "zz"), "enotfound")
  expect_pl_error(cohort_run(m), "emissing")
  cohort_set_matrix(m, diag(2))
  r <- cohort_run(m)
  expect_pl_error(cohort_result_cycle(r, 0L, 99L), "erange")
  expect_pl_error(cohort_result_cycle(r, 9L, 1L), "einval")
})
