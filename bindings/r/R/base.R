# Helpers shared by every module: errors, codes, argument conversion.
# No model logic: every number comes from libplanomsorg.

# Called from C with the library's status code, its name and its message.
# Raises a condition of classes
#   planomsorg_<name> (e.g. planomsorg_evalue), planomsorg_error, error, condition.
.pl_raise <- function(code, name, message) {
  sym <- sub(":.*$", "", name)
  cls <- if (grepl("^PLANOMSORG_", sym)) tolower(sym) else "planomsorg_unknown"
  call <- sys.call(-1L)
  cond <- structure(
    class = c(cls, "planomsorg_error", "error", "condition"),
    list(message = message, call = call, code = code, status = sym)
  )
  stop(cond)
}

.onLoad <- function(libname, pkgname) {
  v <- .Call(C_version)
  # The package was built against headers of v[[3]]; the library loaded is v[[2]].
  if (v[[2]] %/% 10000L != v[[3]] %/% 10000L || v[[2]] < v[[3]]) {
    stop(sprintf("libplanomsorg %s is loaded but the package was built for %d",
                 v[[1]], v[[3]]), call. = FALSE)
  }
  invisible()
}

.sex_codes <- c(female = 0L, male = 1L, both = 2L)

.sex <- function(sex, both = TRUE) {
  if (is.numeric(sex)) {
    return(as.integer(sex))
  }
  ok <- if (both) names(.sex_codes) else names(.sex_codes)[1:2]
  bad <- !(sex %in% ok)
  if (any(bad)) {
    stop(sprintf("unknown sex '%s' (use %s)", sex[bad][1], paste(ok, collapse = ", ")),
         call. = FALSE)
  }
  unname(.sex_codes[sex])
}

# Upper age of a band: NA, Inf or "open" mean open (PLANOMSORG_AGE_OPEN = -1).
.age_hi <- function(age_hi) {
  age_hi <- ifelse(is.na(age_hi) | is.infinite(age_hi), -1, age_hi)
  as.integer(age_hi)
}

.code <- function(x, names, what) {
  if (is.numeric(x)) {
    return(as.integer(x))
  }
  i <- match(x, names)
  if (anyNA(i)) {
    stop(sprintf("unknown %s '%s' (one of: %s)", what, x[is.na(i)][1],
                 paste(names, collapse = ", ")), call. = FALSE)
  }
  i - 1L
}

.recycle <- function(...) {
  args <- list(...)
  n <- max(lengths(args))
  if (any(lengths(args) == 0L)) n <- 0L
  lapply(args, function(a) rep_len(a, n))
}

planomsorg_version <- function() {
  v <- .Call(C_version)
  list(runtime = v[[1]], runtime_number = v[[2]], built_number = v[[3]])
}

planomsorg_status <- function(code) .Call(C_strerror, as.integer(code))

planomsorg_status_codes <- function() {
  codes <- integer()
  for (code in 0:-99) {
    s <- .Call(C_strerror, code)
    if (identical(s, "unknown status code")) break
    codes <- c(codes, code)
  }
  text <- vapply(codes, function(k) .Call(C_strerror, k), "")
  name <- sub(":.*$", "", text)
  data.frame(code = codes, name = name, condition_class = tolower(name),
             meaning = sub("^[^:]*: *", "", text), stringsAsFactors = FALSE)
}

# Frees the C object of any handle now (R's collector does not see C memory, so long
# loops that make large results may call this, or gc()). The handle is unusable after.
planomsorg_free <- function(x) invisible(.Call(C_handle_free, x))
