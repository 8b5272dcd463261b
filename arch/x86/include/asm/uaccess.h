/*
 * The x86 half of user access (linux/uaccess.h has the contracts):
 * single user accesses as inline assembly, each bracketed by stac/clac
 * and covered by an exception-table entry, and the assembly routines of
 * arch/x86/lib/usercopy.asm that move strings and blocks.
 *
 * Each user access below may fault; its exception-table entry sends
 * the fault to a fixup (in section .fixup, linked with the text) that
 * sets err to -EFAULT (and a read target to 0) and jumps back behind
 * the access.  ASM_STAC and ASM_CLAC are 3-byte no-ops whose addresses
 * are recorded; they become stac and clac at boot when the CPU has SMAP
 * (asm/extable.inc explains, arch/x86/kernel/cpu.c patches).
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm/extable.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

#define __ASM_SMAP(sect)						\
	"661:\n\t.byte 0x0f, 0x1f, 0x00\n\t"				\
	".pushsection " sect ", \"a\"\n\t.balign 8\n\t.quad 661b\n\t.popsection\n\t"
#define ASM_STAC	__ASM_SMAP(".smap_stac")
#define ASM_CLAC	__ASM_SMAP(".smap_clac")

/* x_ = *addr_ (1, 2, 4 or 8 bytes, by the types); err_ = -EFAULT on a fault */
#define __get_user_asm(x_, addr_, err_)					\
	__asm__ __volatile__(ASM_STAC					\
		"1:	mov %[umem], %[out]\n"				\
		"2:	" ASM_CLAC						\
		".pushsection .fixup, \"ax\"\n"				\
		"3:	mov %[efault], %[err]\n"				\
		"	xor %k[out], %k[out]\n"				\
		"	jmp 2b\n"						\
		".popsection\n"						\
		_ASM_EXTABLE(1b, 3b)					\
		: [err] "+r"(err_), [out] "=&r"(x_)			\
		: [umem] "m"(*(addr_)), [efault] "i"(-EFAULT))

/* *addr_ = x_; err_ = -EFAULT on a fault. */
#define __put_user_asm(x_, addr_, err_)					\
	__asm__ __volatile__(ASM_STAC					\
		"1:	mov %[val], %[umem]\n"				\
		"2:	" ASM_CLAC						\
		".pushsection .fixup, \"ax\"\n"				\
		"3:	mov %[efault], %[err]\n"				\
		"	jmp 2b\n"						\
		".popsection\n"						\
		_ASM_EXTABLE(1b, 3b)					\
		: [err] "+r"(err_), [umem] "=m"(*(addr_))		\
		: [val] "r"(x_), [efault] "i"(-EFAULT))

/*
 * arch/x86/lib/usercopy.asm, called by kernel/uaccess.c with the range
 * already checked.  The copies and clear return the bytes NOT done;
 * the string routines their results as strnlen_user() and
 * strncpy_from_user() define them (linux/uaccess.h).  Two copy loops:
 * rep movsb where the CPU makes it fast (ERMS), rep movsq otherwise.
 */
unsigned long __copy_user_erms(void *to, const void *from, unsigned long n);
unsigned long __copy_user_string(void *to, const void *from, unsigned long n);
unsigned long __clear_user_asm(void __user *to, unsigned long n);
long __strnlen_user_asm(const char __user *s, long n);
long __strncpy_from_user_asm(char *dst, const char __user *src, long count);

#endif
