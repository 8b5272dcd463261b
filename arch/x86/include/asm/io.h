/*
 * x86 I/O accessors: port I/O (Intel SDM vol. 1, 18.4: IN/OUT) and
 * memory-mapped device registers (readl()/writel() and friends, as in
 * Linux's arch/x86/include/asm/io.h).
 *
 * An MMIO accessor is one MOV of exactly its width through a volatile
 * pointer, with a compiler barrier: the compiler may neither merge,
 * split, reorder nor drop it, since a device register is not memory (a
 * read may have side effects, two writes are two commands).  The
 * mapping must be uncached (ioremap()), so the CPU does not merge or
 * reorder them either.  readq()/writeq() are single 8-byte accesses on
 * x86_64.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/compiler.h>
#include <linux/types.h>

static inline void outb(u8 v, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(u32 v, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 v, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u16 inw(u16 port)
{
	u16 v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u32 inl(u16 port)
{
	u32 v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

#define build_mmio_read(name, size, type, reg)				\
static inline type name(const volatile void __iomem *addr)		\
{									\
	type v;								\
									\
	__asm__ __volatile__("mov" size " %1, %0" : reg(v)		\
			     : "m"(*(const volatile type __force *)addr) \
			     : "memory");				\
	return v;							\
}

#define build_mmio_write(name, size, type, reg)				\
static inline void name(type v, volatile void __iomem *addr)		\
{									\
	__asm__ __volatile__("mov" size " %0, %1" : : reg(v),		\
			     "m"(*(volatile type __force *)addr)	\
			     : "memory");				\
}

build_mmio_read(readb, "b", u8, "=q")
build_mmio_read(readw, "w", u16, "=r")
build_mmio_read(readl, "l", u32, "=r")
build_mmio_read(readq, "q", u64, "=r")
build_mmio_write(writeb, "b", u8, "q")
build_mmio_write(writew, "w", u16, "r")
build_mmio_write(writel, "l", u32, "r")
build_mmio_write(writeq, "q", u64, "r")

#endif
