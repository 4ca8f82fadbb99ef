/* Running a service projection: rates mode and the coupled Markov staircase.
 * Formulas: docs/methods/staircase.md. The state of one year is held as
 * x[sex][age][level] so that the cohorts of an age band form a contiguous
 * (ages x K) block multiplied by one K x K matrix per band and sex. */
#include "staircase_internal.h"

#include "error.h"
#include "population_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Age shift theta * dLE (defined in services.c through the handle's fields). */
static double shift_of(const planomsorg_services *svc, int year, int sex)
{
    if (svc->le_n_years == 0 || svc->theta == 0.0 || year < svc->le_first_year)
        return 0.0;
    int i = pl_year_slot(year, svc->le_first_year, svc->le_n_years);
    return svc->theta * svc->delta_le[2 * i + sex];
}

/* Users of one (year, sex, age) cell from rates; the residual level takes the rest. */
static void cell_from_rates(const planomsorg_services *svc, int year, int sex, int age,
                            double persons, double *u)
{
    int K = svc->sc.n_levels;
    pl_services_rates_at(svc, sex, age - shift_of(svc, year, sex), u);
    double sum = 0;
    for (int k = 0; k < K; k++) {
        if (k == svc->residual)
            continue;
        u[k] *= persons;
        sum += u[k];
    }
    u[svc->residual] = persons > sum ? persons - sum : 0.0;
}

static size_t cells_per_year(int max_age, int K)
{
    return 2 * (size_t)(max_age + 1) * (size_t)K;
}

/* The level into which rates mode moves persons removed from level k: the next lower
 * level (the residual level when it is the one below). */
static int level_below(int k)
{
    return k > 0 ? k - 1 : 0;
}

static double others_sum(const double *c, int K, int res)
{
    double sum = 0;
    for (int k = 0; k < K; k++)
        if (k != res)
            sum += c[k];
    return sum;
}

/* Rates of every single age of one sex in one year, [age][level]: the table of
 * pl_services_rates_at() at age - shift. Rates mode keeps one table per sex and rebuilds
 * it only when the age shift changes (never without healthier ageing). */
struct rates_table {
    double *r;     /* [sex][age][level] */
    double shift[2];
    int valid[2];
};

static void rates_table_fill(struct rates_table *t, const planomsorg_services *svc, int A,
                             int year, int sex)
{
    int K = svc->sc.n_levels;
    double shift = shift_of(svc, year, sex);
    if (t->valid[sex] && t->shift[sex] == shift)
        return;
    double *r = t->r + (size_t)sex * (size_t)(A + 1) * (size_t)K;
    for (int a = 0; a <= A; a++)
        pl_services_rates_at(svc, sex, a - shift, r + (size_t)a * (size_t)K);
    t->shift[sex] = shift;
    t->valid[sex] = 1;
}

/* Rates mode, one year: rates, family care, dreining, capacity (top-down). The arithmetic
 * of each cell is that of cell_from_rates() followed by the levers, in the same order;
 * everything that does not depend on the cell (the rates by age, the levers' values of the
 * year) is looked up once per year. */
static void rates_year(const planomsorg_services *svc, const planomsorg_population *pop, int yi,
                       int year, double *u, double *queue, const double *cap,
                       struct rates_table *tab)
{
    int K = svc->sc.n_levels, A = pop->max_age, res = svc->residual;
    double family = pl_path_value(&svc->family, year, 1.0);
    int home[PLANOMSORG_MAX_LEVELS], n_home = 0;
    int dre[PLANOMSORG_MAX_LEVELS], n_dre = 0; /* dreining levels, highest first */
    double g[PLANOMSORG_MAX_LEVELS];
    for (int k = 0; k < K; k++)
        if (svc->sc.levels[k].kind == PLANOMSORG_LEVEL_KIND_HOME)
            home[n_home++] = k;
    for (int k = K - 1; k >= 0; k--) {
        if (k == res || svc->dreining[k].n_years == 0)
            continue;
        g[k] = pl_path_value(&svc->dreining[k], year, 1.0);
        dre[n_dre++] = k;
    }
    for (int s = 0; s < 2; s++) {
        const double *P = pl_population_row(pop, yi, s);
        rates_table_fill(tab, svc, A, year, s);
        const double *rs = tab->r + (size_t)s * (size_t)(A + 1) * (size_t)K;
        for (int a = 0; a <= A; a++) {
            double *c = u + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
            const double *ra = rs + (size_t)a * (size_t)K;
            double persons = P[a];
            for (int k = 0; k < K; k++)
                c[k] = ra[k] * persons;
            for (int i = 0; i < n_home; i++)
                c[home[i]] *= family;
            for (int i = 0; i < n_dre; i++) {
                int k = dre[i];
                int to = level_below(k);
                double moved = c[k] * (1.0 - g[k]); /* negative: drawn up from below */
                double below = to != res ? c[to] : persons - others_sum(c, K, res);
                if (moved < 0 && -moved > below)
                    moved = below > 0 ? -below : 0.0;
                c[k] -= moved;
                if (to != res)
                    c[to] += moved;
            }
            /* Never more users than persons: levers that push a cell's levels above its
             * persons (family-care multipliers above 1) are scaled back to fit. */
            double sum = others_sum(c, K, res);
            if (sum > persons && sum > 0) {
                for (int k = 0; k < K; k++)
                    if (k != res)
                        c[k] *= persons / sum;
                sum = persons;
            }
            c[res] = persons > sum ? persons - sum : 0.0;
        }
    }
    /* Capacity over all ages and sexes, highest level first so that the persons held
     * back one level down count against that level's capacity too. */
    size_t n_cells = 2 * (size_t)(A + 1);
    for (int k = K - 1; k >= 0; k--) {
        if (k == res || !isfinite(cap[k]))
            continue;
        double total = 0;
        for (size_t i = 0; i < n_cells; i++)
            total += u[i * (size_t)K + (size_t)k];
        if (total <= cap[k])
            continue;
        double f = cap[k] / total;
        int to = level_below(k);
        for (size_t i = 0; i < n_cells; i++) {
            double *c = u + i * (size_t)K;
            double held = c[k] * (1.0 - f);
            c[k] -= held;
            c[to] += held;
            queue[i * (size_t)K + (size_t)k] += held;
        }
    }
}

/* Deaths d of a cohort vector allocated in proportion to mu[k] * x[k], never more than
 * x[k] in a level: levels that would lose everybody are emptied and the rest of the
 * deaths is spread over the others (at most K rounds). */
static void allocate_deaths(const double *x, const double *mu, int K, double d, double *dead)
{
    unsigned char full[PLANOMSORG_MAX_LEVELS] = {0};
    for (int k = 0; k < K; k++)
        dead[k] = 0;
    double left = d;
    for (int round = 0; round < K && left > 0; round++) {
        double w = 0;
        for (int k = 0; k < K; k++)
            if (!full[k])
                w += mu[k] * x[k];
        if (!(w > 0)) {
            /* No weight left (relative mortality 0 where people are): spread by size. */
            double n = 0;
            for (int k = 0; k < K; k++)
                if (!full[k])
                    n += x[k] - dead[k];
            if (!(n > 0))
                break;
            for (int k = 0; k < K; k++)
                if (!full[k])
                    dead[k] += left * (x[k] - dead[k]) / n;
            return;
        }
        double c = left / w;
        int capped = 0;
        for (int k = 0; k < K; k++)
            if (!full[k] && c * mu[k] * x[k] >= x[k] - dead[k] && x[k] > 0)
                capped = 1;
        if (!capped) {
            for (int k = 0; k < K; k++)
                if (!full[k])
                    dead[k] += c * mu[k] * x[k];
            return;
        }
        for (int k = 0; k < K; k++)
            if (!full[k] && c * mu[k] * x[k] >= x[k] - dead[k] && x[k] > 0) {
                left -= x[k] - dead[k];
                dead[k] = x[k];
                full[k] = 1;
            }
    }
}

/* Entry factors: T'[i][j] = T[i][j] * g[j] for i != j, the rest stays on the diagonal.
 * Off-diagonal mass above 1 is scaled back so that nobody leaves twice. */
static void adjust_entries(const double *T, const double *g, int K, double *out)
{
    for (int i = 0; i < K; i++) {
        double off = 0;
        for (int j = 0; j < K; j++)
            if (j != i) {
                out[i * K + j] = T[i * K + j] * g[j];
                off += out[i * K + j];
            }
        if (off > 1.0) {
            for (int j = 0; j < K; j++)
                if (j != i)
                    out[i * K + j] /= off;
            off = 1.0;
        }
        out[i * K + i] = 1.0 - off;
    }
}

struct markov_work {
    int K, A, nb;
    double *surv;   /* survivors [sex][age][level] */
    double *adj;    /* entry-adjusted matrices [band][sex][K][K] */
    double *fin;    /* the same after capacity */
    double *sbar;   /* survivors summed per [band][sex][level] */
    int *band;      /* band of each [sex][age] in this step */
};

static double death_prob(const planomsorg_services *svc, int year, int sex, int age)
{
    int i = pl_year_slot(year, svc->q_first_year, svc->q_n_years);
    return svc->q[((size_t)i * 2 + (size_t)sex) * (size_t)(svc->q_max_age + 1) + (size_t)age];
}

/* One Markov step from year index yi (calendar year `year`) to yi + 1. */
static void markov_step(const planomsorg_services *svc, const planomsorg_population *pop, int yi,
                        int year, const double *x, double *xn, double *queue,
                        const double *cap_next, struct markov_work *w)
{
    const planomsorg_transitions *tr = svc->tr;
    int K = w->K, A = w->A, nb = w->nb, res = svc->residual;
    size_t KK = (size_t)K * (size_t)K;
    int slot = pl_transitions_slot(tr, year);
    memset(w->sbar, 0, (size_t)nb * 2 * (size_t)K * sizeof *w->sbar);

    /* 1. Deaths by relative mortality; survivors summed by band and sex. */
    for (int s = 0; s < 2; s++) {
        const double *P0 = pl_population_row(pop, yi, s);
        const double *P1 = pl_population_row(pop, yi + 1, s);
        double shift = shift_of(svc, year, s);
        for (int a = 0; a <= A; a++) {
            const double *c = x + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
            double *sv = w->surv + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
            double n = 0;
            for (int k = 0; k < K; k++)
                n += c[k];
            double d;
            if (svc->q != NULL) {
                d = death_prob(svc, year, s, a) * n;
            } else if (a < A - 1) {
                d = n - P1[a + 1];
            } else {
                /* The open band receives ages A-1 and A: share its fall by size. */
                double both = P0[A - 1] + P0[A];
                d = both > 0 ? (both - P1[A]) * P0[a] / both : 0.0;
            }
            if (d < 0)
                d = 0;
            if (d > n)
                d = n;
            double dead[PLANOMSORG_MAX_LEVELS];
            allocate_deaths(c, tr->mortality, K, d, dead);
            int b = pl_band_of_age(tr->band_lo, tr->n_bands, (int)floor(a - shift > 0 ? a - shift : 0));
            w->band[s * (A + 1) + a] = b;
            double *sb = w->sbar + ((size_t)b * 2 + (size_t)s) * (size_t)K;
            for (int k = 0; k < K; k++) {
                sv[k] = c[k] - dead[k];
                if (sv[k] < 0)
                    sv[k] = 0;
                sb[k] += sv[k];
            }
        }
    }

    /* 2. Entry factors (dreining, family care) of the year reached. */
    double g[PLANOMSORG_MAX_LEVELS];
    double family = pl_path_value(&svc->family, year + 1, 1.0);
    for (int k = 0; k < K; k++) {
        g[k] = pl_path_value(&svc->dreining[k], year + 1, 1.0);
        if (svc->sc.levels[k].kind == PLANOMSORG_LEVEL_KIND_HOME)
            g[k] *= family;
    }
    double F[PLANOMSORG_MAX_LEVELS * PLANOMSORG_MAX_LEVELS];
    memset(F, 0, KK * sizeof *F);
    for (int b = 0; b < nb; b++)
        for (int s = 0; s < 2; s++) {
            double *T1 = w->adj + ((size_t)b * 2 + (size_t)s) * KK;
            adjust_entries(pl_transitions_matrix(tr, slot, b, s), g, K, T1);
            const double *sb = w->sbar + ((size_t)b * 2 + (size_t)s) * (size_t)K;
            for (int i = 0; i < K; i++)
                if (sb[i] != 0)
                    for (int j = 0; j < K; j++)
                        F[i * K + j] += sb[i] * T1[i * K + j];
        }

    /* 3. Capacity, highest level first: occupants stay, entrants are admitted in
     * proportion f[k]; the held-back stay where they came from and count as occupants
     * of their own level when it is processed. */
    double f[PLANOMSORG_MAX_LEVELS];
    for (int k = K - 1; k >= 0; k--) {
        f[k] = 1.0;
        if (k == res || !isfinite(cap_next[k]))
            continue;
        double stay = F[k * K + k], entr = 0;
        for (int i = 0; i < K; i++)
            if (i != k)
                entr += F[i * K + k];
        double room = cap_next[k] - stay;
        if (room < 0)
            room = 0;
        if (entr > room) {
            f[k] = room / entr;
            for (int i = 0; i < K; i++)
                if (i != k) {
                    double held = (1.0 - f[k]) * F[i * K + k];
                    F[i * K + k] -= held;
                    F[i * K + i] += held;
                }
        }
    }
    /* Final matrices: entries into k scaled by f[k], the rest back on the diagonal. */
    int any_cap = 0;
    for (int k = 0; k < K; k++)
        if (f[k] < 1.0)
            any_cap = 1;
    memcpy(w->fin, w->adj, (size_t)nb * 2 * KK * sizeof *w->fin);
    if (any_cap)
        for (int m = 0; m < nb * 2; m++) {
            double *T2 = w->fin + (size_t)m * KK;
            for (int i = 0; i < K; i++)
                for (int k = 0; k < K; k++)
                    if (k != i && f[k] < 1.0) {
                        double held = T2[i * K + k] * (1.0 - f[k]);
                        T2[i * K + k] -= held;
                        T2[i * K + i] += held;
                    }
        }

    /* 4. Move survivors: each cohort's row vector times its band's K x K matrix (the
     * cohorts of a band are a contiguous ages x K block), written one age up; the open
     * band adds ages A-1 and A. */
    memset(xn, 0, cells_per_year(A, K) * sizeof *xn);
    for (int s = 0; s < 2; s++) {
        for (int a = 0; a <= A; a++) {
            int b = w->band[s * (A + 1) + a];
            const double *T2 = w->fin + ((size_t)b * 2 + (size_t)s) * KK;
            const double *sv = w->surv + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
            int to_age = a < A ? a + 1 : A;
            double *o = xn + ((size_t)s * (size_t)(A + 1) + (size_t)to_age) * (size_t)K;
            for (int i = 0; i < K; i++) {
                double si = sv[i];
                if (si == 0)
                    continue;
                const double *row = T2 + (size_t)i * (size_t)K;
                for (int j = 0; j < K; j++)
                    o[j] += si * row[j];
            }
            if (!any_cap)
                continue;
            /* Queue of k: survivors who would have entered k but were held back. */
            const double *T1 = w->adj + ((size_t)b * 2 + (size_t)s) * KK;
            double *qo = queue + ((size_t)s * (size_t)(A + 1) + (size_t)to_age) * (size_t)K;
            for (int k = 0; k < K; k++) {
                if (f[k] >= 1.0)
                    continue;
                double into = 0;
                for (int i = 0; i < K; i++)
                    if (i != k)
                        into += sv[i] * T1[i * K + k];
                qo[k] += into * (1.0 - f[k]);
            }
        }
    }

    /* 5. Net migration: rescale each cohort to the next year's population (the residents'
     * distribution); an empty cohort receiving persons starts in the residual level.
     * Newborns enter age 0 with the birth distribution. */
    for (int s = 0; s < 2; s++) {
        const double *P1 = pl_population_row(pop, yi + 1, s);
        for (int a = 1; a <= A; a++) {
            double *o = xn + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
            double sum = 0;
            for (int k = 0; k < K; k++)
                sum += o[k];
            if (sum > 0) {
                double scale = P1[a] / sum;
                for (int k = 0; k < K; k++)
                    o[k] *= scale;
            } else {
                o[res] = P1[a];
            }
        }
        double *o0 = xn + (size_t)s * (size_t)(A + 1) * (size_t)K;
        for (int k = 0; k < K; k++)
            o0[k] = P1[0] * svc->birth[k];
    }
}

static int result_alloc(planomsorg_result **out, const planomsorg_services *svc,
                        const planomsorg_population *pop, int first_year, int n_years)
{
    planomsorg_result *r = calloc(1, sizeof *r);
    if (r == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_run: out of memory");
    int rc = planomsorg_population_slice(&r->pop, pop, first_year, n_years);
    if (rc != PLANOMSORG_OK) {
        free(r);
        return rc;
    }
    r->mode = svc->mode;
    r->first_year = first_year;
    r->n_years = n_years;
    r->max_age = pop->max_age;
    r->n_levels = svc->sc.n_levels;
    r->sc = svc->sc;
    size_t n = (size_t)n_years * cells_per_year(pop->max_age, r->n_levels);
    /* users are written in full by both modes (every cell of every year); queues are
     * only added to where a capacity binds, so they are stored (zeroed) only when some
     * level has a finite capacity in some year; NULL stands for all zero (result.c) */
    r->users = malloc(n * sizeof *r->users);
    r->capacity = malloc((size_t)n_years * (size_t)r->n_levels * sizeof *r->capacity);
    if (r->users == NULL || r->capacity == NULL) {
        planomsorg_result_free(r);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_run: out of memory");
    }
    int capped = 0;
    for (int t = 0; t < n_years; t++)
        for (int k = 0; k < r->n_levels; k++) {
            double c = pl_path_value(&svc->capacity[k], first_year + t, INFINITY);
            r->capacity[(size_t)t * (size_t)r->n_levels + (size_t)k] = c;
            capped |= isfinite(c);
        }
    if (capped) {
        r->queue = calloc(n, sizeof *r->queue);
        if (r->queue == NULL) {
            planomsorg_result_free(r);
            return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_run: out of memory");
        }
    }
    *out = r;
    return PLANOMSORG_OK;
}

/* The queues of year index t, or NULL when the result stores none (no capacity: the
 * runs never write them then). */
static double *queue_at(planomsorg_result *r, int t, size_t per_year)
{
    return r->queue != NULL ? r->queue + (size_t)t * per_year : NULL;
}

static void markov_work_free(struct markov_work *w)
{
    free(w->surv);
    free(w->adj);
    free(w->fin);
    free(w->sbar);
    free(w->band);
}

static int run_markov(planomsorg_result *r, const planomsorg_services *svc,
                      const planomsorg_population *pop, int y0i)
{
    int K = r->n_levels, A = r->max_age, nb = svc->tr->n_bands;
    size_t per_year = cells_per_year(A, K);
    struct markov_work w = {.K = K, .A = A, .nb = nb};
    w.surv = malloc(per_year * sizeof *w.surv);
    w.adj = malloc((size_t)nb * 2 * (size_t)K * (size_t)K * sizeof *w.adj);
    w.fin = malloc((size_t)nb * 2 * (size_t)K * (size_t)K * sizeof *w.fin);
    w.sbar = malloc((size_t)nb * 2 * (size_t)K * sizeof *w.sbar);
    w.band = malloc(2 * (size_t)(A + 1) * sizeof *w.band);
    if (w.surv == NULL || w.adj == NULL || w.fin == NULL || w.sbar == NULL || w.band == NULL) {
        markov_work_free(&w);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_run: out of memory");
    }
    /* Initial state: explicit shares or the rates of the first year. */
    for (int s = 0; s < 2; s++) {
        const double *P = pl_population_row(pop, y0i, s);
        for (int a = 0; a <= A; a++) {
            double *c = r->users + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
            if (svc->shares != NULL) {
                const double *sh = svc->shares + ((size_t)s * (size_t)(A + 1) + (size_t)a) * (size_t)K;
                for (int k = 0; k < K; k++)
                    c[k] = sh[k] * P[a];
            } else {
                cell_from_rates(svc, r->first_year, s, a, P[a], c);
            }
        }
    }
    for (int t = 0; t + 1 < r->n_years; t++)
        markov_step(svc, pop, y0i + t, r->first_year + t, r->users + (size_t)t * per_year,
                    r->users + (size_t)(t + 1) * per_year, queue_at(r, t + 1, per_year),
                    r->capacity + (size_t)(t + 1) * (size_t)K, &w);
    markov_work_free(&w);
    return PLANOMSORG_OK;
}

/* Checks the inputs of a run (the messages name planomsorg_services_run). */
static int run_check(const planomsorg_services *svc, const planomsorg_population *pop,
                     int first_year, int last_year)
{
    const char *function = "planomsorg_services_run";
    int rc = pl_population_check_year(pop, first_year, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_year(pop, last_year, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (last_year < first_year)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_services_run: last year %d before first year %d",
                        last_year, first_year);
    if (svc->mode == PLANOMSORG_MODE_RATES || svc->shares == NULL) {
        if (svc->rates == NULL)
            return pl_error(PLANOMSORG_ESTATE,
                            "planomsorg_services_run: no rates set (needed by rates mode and for "
                            "the initial state of Markov mode without initial shares)");
    }
    if (svc->mode == PLANOMSORG_MODE_MARKOV) {
        if (svc->tr == NULL)
            return pl_error(PLANOMSORG_ESTATE, "planomsorg_services_run: Markov mode without transitions");
        if (svc->q != NULL && svc->q_max_age != pop->max_age)
            return pl_error(PLANOMSORG_EDIMENSION,
                            "planomsorg_services_run: death probabilities have max age %d, the "
                            "population %d",
                            svc->q_max_age, pop->max_age);
        if (svc->shares != NULL && svc->shares_max_age != pop->max_age)
            return pl_error(PLANOMSORG_EDIMENSION,
                            "planomsorg_services_run: initial shares have max age %d, the population %d",
                            svc->shares_max_age, pop->max_age);
        if (pop->max_age < 2)
            return pl_error(PLANOMSORG_EDIMENSION,
                            "planomsorg_services_run: Markov mode needs a max age of at least 2");
    }
    return PLANOMSORG_OK;
}

/* Makes r ready for a run as result_alloc() would, reusing its arrays: same shape. */
static int result_reset(planomsorg_result *r, const planomsorg_services *svc,
                        const planomsorg_population *pop)
{
    r->mode = svc->mode;
    r->sc = svc->sc;
    memcpy(r->pop->persons, pl_population_row(pop, r->first_year - pop->first_year, 0),
           planomsorg_population_size(r->pop) * sizeof *r->pop->persons);
    size_t n = (size_t)r->n_years * cells_per_year(r->max_age, r->n_levels);
    int capped = 0;
    for (int t = 0; t < r->n_years; t++)
        for (int k = 0; k < r->n_levels; k++) {
            double c = pl_path_value(&svc->capacity[k], r->first_year + t, INFINITY);
            r->capacity[(size_t)t * (size_t)r->n_levels + (size_t)k] = c;
            capped |= isfinite(c);
        }
    if (r->queue != NULL) {
        memset(r->queue, 0, n * sizeof *r->queue);
    } else if (capped) {
        r->queue = calloc(n, sizeof *r->queue);
        if (r->queue == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_run: out of memory");
    }
    return PLANOMSORG_OK;
}

static int run_into(planomsorg_result *r, const planomsorg_services *svc,
                    const planomsorg_population *pop, int first_year)
{
    int y0i = first_year - pop->first_year;
    size_t per_year = cells_per_year(pop->max_age, r->n_levels);
    if (svc->mode == PLANOMSORG_MODE_RATES) {
        struct rates_table tab = {.r = malloc(per_year * sizeof *tab.r)};
        if (tab.r == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_run: out of memory");
        for (int t = 0; t < r->n_years; t++)
            rates_year(svc, pop, y0i + t, first_year + t, r->users + (size_t)t * per_year,
                       queue_at(r, t, per_year), r->capacity + (size_t)t * (size_t)r->n_levels,
                       &tab);
        free(tab.r);
        return PLANOMSORG_OK;
    }
    return run_markov(r, svc, pop, y0i);
}

int pl_services_run_reuse(planomsorg_result **res, const planomsorg_services *svc,
                          const planomsorg_population *pop, int first_year, int last_year)
{
    int rc = run_check(svc, pop, first_year, last_year);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_result *r = *res;
    int n_years = last_year - first_year + 1;
    if (r != NULL && r->first_year == first_year && r->n_years == n_years &&
        r->max_age == pop->max_age && r->n_levels == svc->sc.n_levels) {
        rc = result_reset(r, svc, pop);
        if (rc != PLANOMSORG_OK)
            return rc;
    } else {
        planomsorg_result_free(r);
        *res = r = NULL;
        rc = result_alloc(&r, svc, pop, first_year, n_years);
        if (rc != PLANOMSORG_OK)
            return rc;
        *res = r;
    }
    return run_into(r, svc, pop, first_year);
}

int planomsorg_services_run(planomsorg_result **out, const planomsorg_services *svc,
                            const planomsorg_population *pop, int first_year, int last_year)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(pop);
    planomsorg_result *r = NULL;
    int rc = pl_services_run_reuse(&r, svc, pop, first_year, last_year);
    if (rc != PLANOMSORG_OK) {
        planomsorg_result_free(r);
        return rc;
    }
    *out = r;
    return PLANOMSORG_OK;
}
