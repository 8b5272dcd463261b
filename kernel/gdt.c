/*
 * The kernel's global descriptor table.  In long mode segments are flat;
 * the GDT only says which code is 64-bit and at which privilege level.
 * This table replaces the boot one (boot/head.asm), which lives in
 * identity-mapped memory that kernel_main unmaps.  Descriptor layout:
 * Intel SDM vol. 3, 3.4.5.
 */
#include <asm/segment.h>
#include <linux/init.h>
#include <linux/types.h>

/* Access byte and flags of a segment descriptor */
#define DESC_P		(1ULL << 47)	/* present */
#define DESC_S		(1ULL << 44)	/* code or data (not system) */
#define DESC_CODE	(1ULL << 43)	/* executable */
#define DESC_RW		(1ULL << 41)	/* readable code / writable data */
#define DESC_L		(1ULL << 53)	/* 64-bit code */
#define DESC_DB		(1ULL << 54)	/* 32-bit data */
#define DESC_G		(1ULL << 55)	/* limit in pages */
#define DESC_LIMIT	0x000f00000000ffffULL

static u64 gdt[GDT_ENTRIES] __attribute__((aligned(16))) = {
	[GDT_ENTRY_KERNEL_CS] = DESC_P | DESC_S | DESC_CODE | DESC_RW |
				DESC_L | DESC_G | DESC_LIMIT,
	[GDT_ENTRY_KERNEL_DS] = DESC_P | DESC_S | DESC_RW | DESC_DB |
				DESC_G | DESC_LIMIT,
};

struct desc_ptr {
	u16 size;
	u64 address;
} __attribute__((packed));

void gdt_init(void)
{
	struct desc_ptr ptr = { sizeof(gdt) - 1, (u64)gdt };

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"			/* reload CS with a far return */
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\tmovl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		: : "m"(ptr), "i"(__KERNEL_CS), "i"(__KERNEL_DS)
		: "rax", "memory");
}
