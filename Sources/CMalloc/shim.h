// glibc's malloc_trim, which Swift's Glibc module does not bring in (Linux only).
#ifndef KRIYA_CMALLOC_SHIM_H
#define KRIYA_CMALLOC_SHIM_H
#ifdef __linux__
#include <malloc.h>
#endif
#endif
