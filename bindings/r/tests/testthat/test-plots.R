test_that("ggplot2 figures are built from the library's numbers", {
  skip_if_not_installed("ggplot2")
  p <- data_population("5001")
  g <- plot_pyramid(p, 2026)
  expect_s3_class(g, "ggplot")
  b <- ggplot2::ggplot_build(g)$data[[1]]
  expect_equal(sum(abs(b$xmax - b$xmin)), population_sum(p, 2026), tolerance = 1e-9)
  cov <- coverage_path(rep(900, 3), p, 2024)
  g2 <- plot_coverage(cov, target = 0.1)
  expect_s3_class(g2, "ggplot")
  expect_equal(ggplot2::ggplot_build(g2)$data[[1]]$y, 100 * cov$coverage)
  expect_s3_class(plot_population_bands(p), "ggplot")
  f <- tempfile(fileext = ".png")
  on.exit(unlink(f))
  ggplot2::ggsave(f, g, width = 5, height = 4, dpi = 50)
  expect_gt(file.size(f), 1000)
})

test_that("users per level and FTE plots", {
  skip_if_not_installed("ggplot2")
  pop <- data_population("5001")
  svc <- services_new()
  services_set_rates_kostra(svc, "5001", 2025)
  r <- services_run(svc, pop, 2024, 2026)
  g <- plot_users(r)
  b <- ggplot2::ggplot_build(g)$data[[1]]
  u <- result_users(r)
  u <- u[u$level != "none", ]
  top <- vapply(2024:2026, function(y) max(b$ymax[b$x == y]), 0)     # stacked totals
  expect_equal(top, as.vector(tapply(u$users, u$year, sum)), tolerance = 1e-9)
  s <- staffing_compute(staffing_default(2024, 3), r)
  g2 <- plot_fte(s)
  b2 <- ggplot2::ggplot_build(g2)$data[[1]]
  top <- vapply(2024:2026, function(y) max(b2$ymax[b2$x == y]), 0)
  st <- staffing_table(s)
  expect_equal(top, as.vector(tapply(st$fte, st$year, sum)), tolerance = 1e-9)
  band <- data.frame(year = 2024:2026, fte = c(10, 11, 12), lower = c(9, 9, 10),
                     upper = c(11, 13, 14))
  expect_s3_class(plot_fte(band), "ggplot")
  expect_error(plot_fte(data.frame(year = 1)), "staffing result")
})
