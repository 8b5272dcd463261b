/*
 * Page size and the kernel's virtual layout (docs/boot.md, section 4):
 * the direct map of all RAM at PAGE_OFFSET, the kernel image at
 * __START_KERNEL_map.  __pa()/__va() convert direct-map addresses.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)

#define PAGE_OFFSET		0xffff800000000000UL
#define __START_KERNEL_map	0xffffffff80000000UL
#define VMALLOC_START		0xffffc90000000000UL
#define VMALLOC_END		0xffffe8ffffffffffUL
#define TASK_SIZE		0x00007ffffffff000UL

/* The boot page tables (boot/head.asm) map this much at PAGE_OFFSET. */
#define EARLY_DIRECT_MAP_SIZE	(4UL << 30)

#ifndef __ASSEMBLER__
#include <linux/types.h>

#define __pa(v)		((phys_addr_t)((unsigned long)(v) - PAGE_OFFSET))
#define __va(p)		((void *)((unsigned long)(p) + PAGE_OFFSET))
/* Physical address of a symbol in the kernel image. */
#define __pa_symbol(v)	((phys_addr_t)((unsigned long)(v) - __START_KERNEL_map))

static inline void *phys_to_virt(phys_addr_t p) { return __va(p); }
static inline phys_addr_t virt_to_phys(const void *v) { return __pa(v); }
#endif

#endif
