#ifndef WARRAQ_CYAML_SHIM_H
#define WARRAQ_CYAML_SHIM_H
#include <yaml.h>
#endif
