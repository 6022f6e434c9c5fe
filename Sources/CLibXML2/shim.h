#ifndef WARRAQ_CLIBXML2_SHIM_H
#define WARRAQ_CLIBXML2_SHIM_H

/* xmlversion.h first, so that ICU can be switched off before any header includes
   <unicode/ucnv.h>: with ICU visible, Foundation and libxml2 in one module fail a clean
   build with "'UErrorCode' has different definitions". Warraq never uses libxml2's ICU API. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/xpath.h>

/* xmlFree is a global function pointer, which Swift cannot call as a function. */
static inline void warraq_xmlFree(void *pointer) { xmlFree(pointer); }

/* A generic error handler that drops libxml2's messages (encoding and I/O complaints); readers
   report failures themselves. The handler is variadic, which Swift cannot define. */
static void warraq_ignore_error(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void warraq_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, warraq_ignore_error); }

#endif
