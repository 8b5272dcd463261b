/*
 * GDT selectors, at the indexes Linux uses on x86_64.  syscall loads
 * CS from STAR[47:32] and SS = CS + 8; sysret (64-bit) loads
 * CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8, both with RPL 3: so
 * kernel code and data must be adjacent (2, 3), and user data must sit
 * between a 32-bit user code slot (4) and 64-bit user code (6).
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_USER32_CS	4	/* unused: only fixes sysret's layout */
#define GDT_ENTRY_USER_DS	5
#define GDT_ENTRY_USER_CS	6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		10

#define __KERNEL_CS		(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS		(GDT_ENTRY_KERNEL_DS * 8)
#define __TSS_SEL		(GDT_ENTRY_TSS * 8)
#define __USER32_CS		(GDT_ENTRY_USER32_CS * 8 + 3)
#define __USER_DS		(GDT_ENTRY_USER_DS * 8 + 3)
#define __USER_CS		(GDT_ENTRY_USER_CS * 8 + 3)

#endif
