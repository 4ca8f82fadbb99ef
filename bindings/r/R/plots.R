# ggplot2 figures (ggplot2 is suggested, not required).

utils::globalVariables(c(".data", "fte", "supply_fte", "gap_fte", "persons", "year"))

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

plot_users <- function(result, levels = NULL, exclude = "none") {
  .need_ggplot2()
  u <- result_users(result, levels = levels)
  u <- u[!u$level %in% exclude, ]
  u$level <- factor(u$level, levels = unique(u$level))
  ggplot2::ggplot(u, ggplot2::aes(x = .data$year, y = .data$users, fill = .data$level)) +
    ggplot2::geom_area(position = "stack", alpha = 0.9) +
    ggplot2::labs(x = NULL, y = "users", fill = "level",
                  title = "Service users per level of the care staircase") +
    ggplot2::theme_minimal()
}

# X: a staffing result (demand by group, supply line), or a data frame with
# year, fte and the band's lower and upper limits (e.g. over scenarios).
plot_fte <- function(x, title = "Care staff (FTE)") {
  .need_ggplot2()
  if (inherits(x, "planomsorg_staffing_result")) {
    t <- staffing_table(x)
    sup <- stats::aggregate(supply_fte ~ year, data = t, FUN = sum)
    t$group <- factor(t$group, levels = unique(t$group))
    return(ggplot2::ggplot(t, ggplot2::aes(x = .data$year, y = .data$fte)) +
      ggplot2::geom_area(ggplot2::aes(fill = .data$group), position = "stack", alpha = 0.85) +
      ggplot2::geom_line(data = sup, ggplot2::aes(y = .data$supply_fte, linetype = "supply"),
                         linewidth = 1) +
      ggplot2::labs(x = NULL, y = "FTE", fill = "demand by group", linetype = NULL,
                    title = title) +
      ggplot2::theme_minimal())
  }
  x <- as.data.frame(x)
  if (!all(c("year", "fte", "lower", "upper") %in% names(x))) {
    stop("'x' must be a staffing result or have columns year, fte, lower, upper",
         call. = FALSE)
  }
  if (!"series" %in% names(x)) x$series <- "FTE"
  ggplot2::ggplot(x, ggplot2::aes(x = .data$year)) +
    ggplot2::geom_ribbon(ggplot2::aes(ymin = .data$lower, ymax = .data$upper,
                                      fill = .data$series), alpha = 0.25) +
    ggplot2::geom_line(ggplot2::aes(y = .data$fte, colour = .data$series), linewidth = 1) +
    ggplot2::labs(x = NULL, y = "FTE", fill = NULL, colour = NULL, title = title) +
    ggplot2::theme_minimal()
}
