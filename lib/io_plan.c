#include "planomsorg/plan.h"
#include "error.h"
int planomsorg_plan_read_yaml(planomsorg_plan **out, const char *path)
{ (void)out; (void)path; return pl_error(PLANOMSORG_EUNSUPPORTED, "todo"); }
int planomsorg_plan_parse_yaml(planomsorg_plan **out, const char *text, size_t len, const char *source)
{ (void)out; (void)text; (void)len; (void)source; return pl_error(PLANOMSORG_EUNSUPPORTED, "todo"); }
