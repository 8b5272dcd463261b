/*
 * GDT selectors, at the same indexes Linux uses on x86_64 (2: kernel
 * code, 3: kernel data, 8: the TSS), so the user segments can later be
 * placed where syscall/sysret expect them.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		10

#define __KERNEL_CS		(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS		(GDT_ENTRY_KERNEL_DS * 8)
#define __TSS_SEL		(GDT_ENTRY_TSS * 8)

#endif
