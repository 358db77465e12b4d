#ifndef HUNCH_CGLPK_SHIM_H
#define HUNCH_CGLPK_SHIM_H
#include <glpk.h>
#endif
