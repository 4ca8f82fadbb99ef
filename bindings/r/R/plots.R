# ggplot2 figures (ggplot2 is suggested, not required).

utils::globalVariables(".data")

.need_ggplot2 <- function() {
  if (!requireNamespace("ggplot2", quietly = TRUE)) {
    stop("this plot needs the ggplot2 package", call. = FALSE)
  }
}

plot_pyramid <- function(pop, year = NULL, group = 5L) {
  .need_ggplot2()
  if (is.null(year)) year <- utils::tail(population_years(pop), 1L)
  a <- population_array(pop)[, , as.character(year), drop = FALSE]
  A <- dim(a)[1] - 1L
  lo <- seq(0L, A, by = as.integer(group))
  lab <- ifelse(lo + group - 1L >= A, paste0(lo, "+"),
                paste0(lo, "-", pmin(lo + group - 1L, A)))
  df <- expand.grid(g = seq_along(lo), sex = c("female", "male"), stringsAsFactors = FALSE)
  df$persons <- population_sum(pop, year, lo[df$g], ifelse(lo[df$g] + group - 1L >= A, NA,
                                                           lo[df$g] + group - 1L), df$sex)
  df$age <- factor(lab[df$g], levels = lab)
  df$value <- ifelse(df$sex == "male", -df$persons, df$persons)
  ggplot2::ggplot(df, ggplot2::aes(x = .data$value, y = .data$age, fill = .data$sex)) +
    ggplot2::geom_col(width = 0.9) +
    ggplot2::scale_x_continuous(labels = function(v) format(abs(v), big.mark = " ",
                                                            scientific = FALSE)) +
    ggplot2::labs(x = "persons (men left, women right)", y = "age", fill = NULL,
                  title = sprintf("Population on 1 January %s", year)) +
    ggplot2::theme_minimal()
}

plot_coverage <- function(x, target = NULL, title = "Coverage (dekningsgrad)") {
  .need_ggplot2()
  x <- as.data.frame(x)
  if (!"series" %in% names(x)) x$series <- "coverage"
  p <- ggplot2::ggplot(x, ggplot2::aes(x = .data$year, y = 100 * .data$coverage,
                                       colour = .data$series)) +
    ggplot2::geom_line(linewidth = 0.9) + ggplot2::geom_point(size = 1.2)
  if (!is.null(target)) {
    p <- p + ggplot2::geom_hline(yintercept = 100 * target, linetype = "dashed") +
      ggplot2::annotate("text", x = min(x$year), y = 100 * target, vjust = -0.5, hjust = 0,
                        label = sprintf("target %.1f %%", 100 * target))
  }
  p + ggplot2::labs(x = NULL, y = "per cent", colour = NULL, title = title) +
    ggplot2::theme_minimal()
}

plot_population_bands <- function(pop, bands = c("67-79", "80-89", "90+")) {
  .need_ggplot2()
  b <- population_bands(pop, bands)
  ggplot2::ggplot(b, ggplot2::aes(x = .data$year, y = .data$persons, colour = .data$band)) +
    ggplot2::geom_line(linewidth = 0.9) +
    ggplot2::labs(x = NULL, y = "persons", colour = "age") + ggplot2::theme_minimal()
}
