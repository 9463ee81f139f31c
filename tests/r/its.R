# Reference results for src/analysis/its.ts, computed with R's glm() and the sandwich package.
# Builds three real monthly series from the public files in ../shared/data/public/ (never copied
# into the project), fits the same interrupted time series models as its.ts and writes
# tests/r/its-expected.json, which tests/unit/analysis/its.test.ts compares against.
#
# Run from the project root:  Rscript tests/r/its.R
# Needs: r-base-core, r-cran-sandwich (Debian). No other packages (JSON is written by hand).
suppressPackageStartupMessages(library(sandwich))

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
public <- normalizePath(file.path(root, "..", "shared", "data", "public"))

# ---- series ---------------------------------------------------------------------------------
month_seq <- function(from, to) format(seq(as.Date(paste0(from, "-01")), as.Date(paste0(to, "-01")), by = "month"), "%Y-%m")

# RTCI: burglary + theft + motor_vehicle_theft per month for one agency (keyed on agency_full).
# A month whose row is missing, or has NA in any of the three columns, is NA (not reported).
rtci <- read.csv(file.path(public, "rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv"),
                 check.names = FALSE, stringsAsFactors = FALSE)
rtci_series <- function(agency, months) {
  a <- rtci[rtci$agency_full == agency, ]
  stopifnot(nrow(a) > 0, !anyDuplicated(a$date))
  total <- a$burglary + a$theft + a$motor_vehicle_theft   # NA if any part is NA
  unname(total[match(months, substr(a$date, 1, 7))])
}
PRIMARY <- "Malden, Massachusetts"
COMPARISON <- "Revere, Massachusetts"
pa <- rtci[rtci$agency_full == PRIMARY, ]
rtci_months <- month_seq(substr(min(pa$date), 1, 7), substr(max(pa$date), 1, 7))
malden <- rtci_series(PRIMARY, rtci_months)
revere <- rtci_series(COMPARISON, rtci_months)

# PA ODIN: distinct Incident IDs per month of Incident Date (MM/DD/YYYY), 2018-01 to 2019-12.
# Rows are one per victim and suspected drug, so rows would count an incident several times.
# The file also holds 2020-01-01..2020-01-15 (a half month): left out.
odin <- read.csv(file.path(public, "pa_odin_overdose_incidents_naloxone_2018-2019.csv"),
                 check.names = FALSE, colClasses = "character")
odin_month <- paste0(substr(odin[["Incident Date"]], 7, 10), "-", substr(odin[["Incident Date"]], 1, 2))
odin_months <- month_seq("2018-01", "2019-12")
u <- unique(data.frame(id = odin[["Incident ID"]], month = odin_month))
odin_counts <- as.numeric(table(factor(u$month, levels = odin_months)))
days_in_month <- as.numeric(diff(as.Date(paste0(c(odin_months, "2020-01"), "-01"))))

# ---- model ----------------------------------------------------------------------------------
design <- function(months, launch, harmonics, group = NULL) {
  t <- seq_along(months) - 1
  L <- match(launch, months) - 1
  m <- as.numeric(substr(months, 6, 7))
  d <- data.frame(time = t, post = as.numeric(t >= L), tsl = pmax(0, t - L))
  for (k in seq_len(harmonics)) { d[[paste0("sin", k)]] <- sin(2 * pi * k * m / 12); d[[paste0("cos", k)]] <- cos(2 * pi * k * m / 12) }
  if (!is.null(group)) { d$group <- group; d$g_time <- group * d$time; d$g_post <- group * d$post; d$g_tsl <- group * d$tsl }
  d
}
ts_names <- function(r) { r <- sub("^tsl$", "time_since_launch", r); r <- sub("^g_", "group:", r); sub("group:tsl", "group:time_since_launch", r) }

fit_case <- function(id, description, months, counts, launch, harmonics = 2, comparison = NULL, offset = NULL, comparison_offset = NULL) {
  controlled <- !is.null(comparison)
  d <- if (controlled) rbind(cbind(design(months, launch, harmonics, 1), y = counts, lo = if (is.null(offset)) 0 else log(offset), month = seq_along(months)),
                             cbind(design(months, launch, harmonics, 0), y = comparison, lo = if (is.null(offset)) 0 else log(comparison_offset), month = seq_along(months)))
       else cbind(design(months, launch, harmonics), y = counts, lo = if (is.null(offset)) 0 else log(offset), month = seq_along(months))
  terms <- setdiff(names(d), c("y", "lo", "month"))
  f <- as.formula(paste("y ~", paste(terms, collapse = " + "), "+ offset(lo)"))
  dd <- d[!is.na(d$y), ]
  # Fit, then refit from the estimate so that the stored working weights are those at the estimate.
  fit0 <- glm(f, family = poisson, data = dd, control = glm.control(epsilon = 1e-10, maxit = 100))
  fit <- glm(f, family = poisson, data = dd, start = coef(fit0), control = glm.control(epsilon = 1e-12, maxit = 100))
  qfit <- glm(f, family = quasipoisson, data = dd, start = coef(fit0), control = glm.control(epsilon = 1e-12, maxit = 100))
  nt <- length(unique(dd$month))
  lag <- floor(4 * (nt / 100)^(2 / 9))
  if (controlled) {
    V <- vcovPL(fit, order.by = dd$month, lag = lag, adjust = TRUE)
  } else {
    V <- NeweyWest(fit, lag = lag, prewhite = FALSE, adjust = TRUE)
    stopifnot(isTRUE(all.equal(V, vcovPL(fit, order.by = dd$month, lag = lag, adjust = TRUE), tolerance = 1e-12)))
  }
  # The dispersion cancels in the sandwich: quasi-Poisson gives the same HAC covariance.
  Vq <- if (controlled) vcovPL(qfit, order.by = dd$month, lag = lag, adjust = TRUE) else NeweyWest(qfit, lag = lag, prewhite = FALSE, adjust = TRUE)
  stopifnot(isTRUE(all.equal(V, Vq, tolerance = 1e-8)))
  b <- coef(fit); se <- sqrt(diag(V)); z <- b / se; q <- qnorm(0.975)
  # Fitted values of the program series for every month, and the counterfactual from the launch.
  prog <- d[seq_along(months), ]
  X <- model.matrix(delete.response(terms(fit)), prog)
  fitted <- as.vector(exp(X %*% b + prog$lo))
  post <- which(prog$post == 1)
  Xc <- X[post, , drop = FALSE]
  if (controlled) { Xc[, "g_post"] <- 0; Xc[, "g_tsl"] <- 0 } else { Xc[, "post"] <- 0; Xc[, "tsl"] <- 0 }
  eta <- as.vector(Xc %*% b + prog$lo[post]); se_eta <- sqrt(rowSums((Xc %*% V) * Xc))
  se_eta_quasi <- sqrt(rowSums((Xc %*% vcov(qfit)) * Xc))   # quasi-Poisson model-based se of each eta
  cvec <- setNames(rep(0, length(b)), names(b))
  cvec[if (controlled) "g_post" else "post"] <- 1
  cvec[if (controlled) "g_tsl" else "tsl"] <- 11
  lr <- sum(cvec * b); lr_se <- sqrt(as.numeric(t(cvec) %*% V %*% cvec))
  list(description = description, input = list(months = I(months), counts = I(counts), launch = launch, harmonics = harmonics,
         comparison = if (controlled) I(comparison) else NULL, offset = if (is.null(offset)) NULL else I(offset),
         comparisonOffset = if (is.null(comparison_offset)) NULL else I(comparison_offset)),
       lag = lag, names = I(ts_names(names(b))), estimate = I(unname(b)), se = I(unname(se)), z = I(unname(z)),
       p = I(unname(2 * pnorm(-abs(z)))), se_model = I(unname(sqrt(diag(vcov(fit))))), se_quasi = I(unname(sqrt(diag(vcov(qfit))))),
       dispersion = summary(qfit)$dispersion, deviance = deviance(fit), observations = nrow(dd),
       fitted = I(fitted),
       counterfactual = list(month = I(months[post]), expected = I(exp(eta)), lower = I(exp(eta - q * se_eta)), upper = I(exp(eta + q * se_eta)),
                             se_quasi = I(se_eta_quasi)),
       effect = list(month = months[match(launch, months) + 11], log_ratio = lr, se = lr_se, ratio = exp(lr),
                     lower = exp(lr - q * lr_se), upper = exp(lr + q * lr_se),
                     se_quasi = sqrt(as.numeric(t(cvec) %*% vcov(qfit) %*% cvec))))
}

cases <- list(
  rtci_malden = fit_case("rtci_malden", paste("RTCI", PRIMARY, "burglary + theft + motor vehicle theft, pretend launch 2022-01"),
                         rtci_months, malden, "2022-01"),
  rtci_malden_vs_revere = fit_case("rtci_malden_vs_revere", paste("RTCI", PRIMARY, "vs", COMPARISON, "(controlled), pretend launch 2022-01"),
                                   rtci_months, malden, "2022-01", comparison = revere),
  odin_pa = fit_case("odin_pa", "PA ODIN distinct overdose incidents per month, launch 2019-01",
                     odin_months, odin_counts, "2019-01"),
  odin_pa_per_day = fit_case("odin_pa_per_day", "PA ODIN incidents with days in the month as exposure (offset), launch 2019-01",
                             odin_months, odin_counts, "2019-01", offset = days_in_month)
)

# ---- JSON (hand-written: no jsonlite) ---------------------------------------------------------
json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x) && !inherits(x, "AsIs")) {
    x <- x[!vapply(x, is.null, logical(1))]
    items <- vapply(names(x), function(k) paste0(inner, '"', k, '": ', json(x[[k]], inner)), character(1))
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  one <- function(v) {
    if (is.na(v)) "null"
    else if (is.character(v)) paste0('"', gsub('(["\\\\])', "\\\\\\1", v), '"')
    else if (is.logical(v)) tolower(as.character(v))
    else sprintf("%.17g", v)
  }
  vals <- vapply(unclass(x), one, character(1))
  if (inherits(x, "AsIs") || length(x) != 1) paste0("[", paste(vals, collapse = ", "), "]") else vals
}
out <- list(generated_by = "tests/r/its.R", R = paste(R.version$major, R.version$minor, sep = "."),
            sandwich = as.character(packageVersion("sandwich")), cases = cases)
writeLines(json(out), file.path(here, "its-expected.json"))
# its.ts reports se = max(HAC se, quasi-Poisson se) (see README.md); show both intervals.
for (k in names(cases)) with(cases[[k]]$effect, {
  s <- max(se, se_quasi)
  cat(sprintf("%-22s lag %d  effect %s: ratio %.4f  HAC (%.4f to %.4f)  reported, %s (%.4f to %.4f)\n", k, cases[[k]]$lag, month, ratio,
              lower, upper, if (se >= se_quasi) "hac" else "quasi", exp(log_ratio - qnorm(0.975) * s), exp(log_ratio + qnorm(0.975) * s)))
})
