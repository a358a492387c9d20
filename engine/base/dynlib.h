/*
 * dynlib.h — libraries that one command needs, loaded when it runs.
 *
 * libmicrohttpd (cjm serve) and libxlsxwriter (.xlsx files) bring a dozen
 * libraries with them (GnuTLS, OpenSSL's libcrypto, GMP...).  Linked to
 * cjm, loading them cost every run 10 ms: a check of a small journey took
 * 18 ms where 8 ms do.  They are opened by name (the soname the build
 * found) by the commands that use them, and their functions bound through
 * tables of pointers declared from their own headers.
 */
#ifndef CJM_DYNLIB_H
#define CJM_DYNLIB_H

#include <stddef.h>

/* The shared library SONAME (opened once; later calls give the same
 * handle), or NULL with the reason in WHY. */
void *dynlib_open(const char *soname, char *why, size_t whysize);

/* The address of the function NAME in LIB, or NULL with the reason in
 * WHY. */
void *dynlib_sym(void *lib, const char *name, char *why, size_t whysize);

#endif
