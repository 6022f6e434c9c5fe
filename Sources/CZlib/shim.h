#ifndef WARRAQ_CZLIB_SHIM_H
#define WARRAQ_CZLIB_SHIM_H
#include <zlib.h>
#endif
