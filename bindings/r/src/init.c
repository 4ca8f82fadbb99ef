/* Registration of the .Call routines; dynamic symbol lookup is switched off. */
#include "rpl.h"

#include <R_ext/Rdynload.h>

#define RPL_DECL(name, n) {#name, (DL_FUNC)&name, n},
static const R_CallMethodDef call_methods[] = {
#include "routines.def"
    {NULL, NULL, 0}};
#undef RPL_DECL

void R_init_planomsorg(DllInfo *dll);

void R_init_planomsorg(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
}
