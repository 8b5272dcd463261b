/*
 * The string functions x86 provides itself (arch/x86/lib/memcpy_64.c),
 * in place of lib/string.c's portable byte loops (Linux's
 * arch/x86/include/asm/string_64.h).  The host unit tests build
 * lib/string.c alone, so they keep the portable versions.
 */
#ifndef _ASM_STRING_H
#define _ASM_STRING_H

#ifndef HOST_TEST
#define __HAVE_ARCH_MEMCPY	1
#define __HAVE_ARCH_MEMSET	1
#endif

#endif
