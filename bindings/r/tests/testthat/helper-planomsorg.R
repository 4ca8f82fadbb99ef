# Shared helpers: expect an error of the library with a status class and a message fragment.
expect_pl_error <- function(expr, class, fragment = NULL) {
  err <- tryCatch({ force(expr); NULL }, error = function(e) e)
  testthat::expect_false(is.null(err), info = "no error was raised")
  if (is.null(err)) return(invisible(NULL))
  testthat::expect_s3_class(err, "planomsorg_error")
  testthat::expect_s3_class(err, paste0("planomsorg_", class))
  testthat::expect_identical(err$status, toupper(paste0("planomsorg_", class)))
  if (!is.null(fragment)) testthat::expect_match(conditionMessage(err), fragment, fixed = TRUE)
  invisible(err)
}

# The planomsorg program of the installed prefix (tools/run-tests), if any.
planomsorg_cli <- function() {
  prefix <- Sys.getenv("PLANOMSORG_PREFIX")
  cands <- c(if (nzchar(prefix)) file.path(prefix, "bin", "planomsorg"), Sys.which("planomsorg"))
  cands <- cands[nzchar(cands) & file.exists(cands)]
  if (length(cands)) cands[1] else ""
}

run_cli <- function(args) {
  exe <- planomsorg_cli()
  testthat::skip_if(!nzchar(exe), "planomsorg program not found (set PLANOMSORG_PREFIX)")
  out <- suppressWarnings(system2(exe, args, stdout = TRUE, stderr = TRUE))
  status <- attr(out, "status")
  list(out = out, status = if (is.null(status)) 0L else status)
}
