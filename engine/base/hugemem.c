/*
 * hugemem.c — see hugemem.h.
 */
#define _DEFAULT_SOURCE          /* MAP_ANONYMOUS, madvise */
#include "base/hugemem.h"

#include <stdint.h>
#include <sys/mman.h>

void hugemem_advise(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
    uintptr_t a = ((uintptr_t)p + HUGEMEM_PAGE - 1) & ~(uintptr_t)(HUGEMEM_PAGE - 1);
    uintptr_t b = ((uintptr_t)p + len) & ~(uintptr_t)(HUGEMEM_PAGE - 1);
    if (b > a)
        madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)len;
#endif
}

void *hugemem_map(size_t *size)
{
    size_t want = (*size + HUGEMEM_PAGE - 1) & ~(size_t)(HUGEMEM_PAGE - 1);
    char *p = mmap(NULL, want + HUGEMEM_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    size_t lead = (HUGEMEM_PAGE - (uintptr_t)p % HUGEMEM_PAGE) % HUGEMEM_PAGE;
    if (lead)
        munmap(p, lead);
    munmap(p + lead + want, HUGEMEM_PAGE - lead);
    hugemem_advise(p + lead, want);
    *size = want;
    return p + lead;
}

void hugemem_unmap(void *p, size_t size)
{
    munmap(p, size);
}
