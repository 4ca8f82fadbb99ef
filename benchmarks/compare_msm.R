# Compares libplanomsorg's panel estimation with R's msm package on the same synthetic
# panel (written by benchmarks/bench_estimate). Usage:
#   Rscript benchmarks/compare_msm.R DIR
# DIR holds panel.csv (person,year,age,sex,level; death as level "death"), ours.csv
# (our pooled counts and ML probabilities) and truth.csv (the generating matrix).
# Prints: whether statetable.msm's counts equal ours, the one-year transition matrix of a
# continuous-time msm fit (pmatrix.msm, t = 1) against our discrete-time ML, both against
# the truth, and the timings. Exits 1 when the counts differ or when an entry of the two
# one-year matrices differs by more than 0.01 (about 5 standard errors at 3,000 persons;
# the embeddability difference explained in docs/methods/estimation.md is below 0.001).
suppressPackageStartupMessages(library(msm))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
levels <- c("none", "home", "nursing", "institution", "death")
K1 <- length(levels)

t_read <- system.time({
  d <- read.csv(file.path(dir, "panel.csv"), stringsAsFactors = FALSE)
  d$state <- match(d$level, levels)
  d <- d[order(d$person, d$year), ]
})[["elapsed"]]
stopifnot(!any(is.na(d$state)))
ours <- read.csv(file.path(dir, "ours.csv"))
truth <- read.csv(file.path(dir, "truth.csv"))

# 1. Counts: statetable.msm against ours (rows from 1..4, columns to 1..5).
t_table <- system.time(st <- statetable.msm(state, person, data = d))[["elapsed"]]
ours_counts <- matrix(0, 4, K1)
ours_counts[cbind(ours$from, ours$to)] <- ours$count
r_counts <- matrix(0, 4, K1)
for (i in rownames(st)) for (j in colnames(st))
  r_counts[as.integer(i), as.integer(j)] <- st[i, j]
identical_counts <- all(r_counts == ours_counts)
cat(sprintf("panel: %d rows, %d persons, %d transitions\n", nrow(d), length(unique(d$person)),
            sum(r_counts)))
cat(sprintf("statetable.msm counts identical to ours: %s (max abs difference %g)\n",
            identical_counts, max(abs(r_counts - ours_counts))))

# 2. Continuous-time fit: every living state may move to every other and die. fnscale
# (about the size of -2 log L) avoids msm's "numerical overflow" on large panels.
Q0 <- matrix(0, K1, K1)
Q0[1:4, ] <- 0.1
diag(Q0) <- 0
t_fit <- system.time(
  fit <- msm(state ~ year, subject = person, data = d, qmatrix = Q0, gen.inits = TRUE,
             control = list(maxit = 10000, reltol = 1e-12, fnscale = nrow(d)))
)[["elapsed"]]
P <- pmatrix.msm(fit, t = 1, ci = "none")
P <- unclass(P)[1:4, ]
ours_p <- matrix(0, 4, K1); ours_se <- matrix(0, 4, K1); true_p <- matrix(0, 4, K1)
ours_p[cbind(ours$from, ours$to)] <- ours$p_uncond
ours_se[cbind(ours$from, ours$to)] <- ours$se_uncond
true_p[cbind(truth$from, truth$to)] <- truth$p_uncond
cat(sprintf("msm converged: %s, -2 log-likelihood %.2f\n", fit$opt$convergence == 0,
            fit$minus2loglik))

cat("\nOne-year probabilities (rows from, columns to; 5 = death):\n")
cat("| from | to | truth | ours (discrete ML) | SE | msm pmatrix(t=1) | (msm - ours)/SE |\n")
cat("|---|---|---|---|---|---|---|\n")
for (i in 1:4) for (j in 1:K1) {
  z <- if (ours_se[i, j] > 0) (P[i, j] - ours_p[i, j]) / ours_se[i, j] else NA
  cat(sprintf("| %s | %s | %.4f | %.4f | %.4f | %.4f | %+.1f |\n", levels[i], levels[j],
              true_p[i, j], ours_p[i, j], ours_se[i, j], P[i, j], z))
}
se_ok <- ours_se > 0
z_ours <- (ours_p - true_p)[se_ok] / ours_se[se_ok]
z_msm <- (P - true_p)[se_ok] / ours_se[se_ok]
cat(sprintf("\nmax |msm - ours| = %.4f, RMS %.4f over %d entries\n", max(abs(P - ours_p)),
            sqrt(mean((P - ours_p)^2)), length(P)))
cat(sprintf("ours vs truth: max |z| = %.2f, sum z^2 = %.1f on %d entries\n", max(abs(z_ours)),
            sum(z_ours^2), sum(se_ok)))
cat(sprintf("msm  vs truth: max |z| = %.2f, sum z^2 = %.1f on %d entries\n", max(abs(z_msm)),
            sum(z_msm^2), sum(se_ok)))
cat(sprintf("\ntimes (s): R read.csv %.3f, statetable.msm %.3f, msm fit %.2f\n", t_read,
            t_table, t_fit))
if (!identical_counts || max(abs(P - ours_p)) > 0.01) quit(status = 1)
