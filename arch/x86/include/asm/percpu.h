/*
 * Per-CPU state, reached through the GS segment base: each CPU's GS base
 * points at its own struct cpu_data, whose first field points at itself,
 * so `mov %gs:0, reg` finds it in one instruction (Linux: this_cpu_ptr).
 *
 * (P) only the owning CPU writes it  (C) constant once the CPU is up
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <asm/segment.h>
#include <linux/numa.h>
#include <linux/types.h>

#define IST_DOUBLE_FAULT	1	/* Interrupt Stack Table slots (TSS.IST1..) */
#define IST_NMI			2
#define IST_MACHINE_CHECK	3
#define N_EXCEPTION_STACKS	3
#define EXCEPTION_STACK_SIZE	8192

/* The 64-bit Task State Segment (Intel SDM vol. 3, 8.7). */
struct tss_struct {
	u32 reserved0;
	u64 sp0, sp1, sp2;		/* stacks for privilege changes */
	u64 reserved1;
	u64 ist[7];			/* IST1..IST7 */
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;
} __attribute__((packed));

struct task_struct;

struct cpu_data {
	struct cpu_data *self;		/* (C) at %gs:0 */
	/* Used by the syscall entry (entry.asm) at fixed offsets: */
	unsigned long top_of_stack;	/* (P) %gs:8, the running task's */
	unsigned long user_sp;		/* (P) %gs:16, user rsp during entry */
	int cpu;			/* (C) logical number, 0 = boot CPU */
	int node;			/* (C) NUMA node */
	u32 apic_id;			/* (C) */
	bool online;			/* (P) */
	struct task_struct *current_task;	/* (P) the running task */
	struct task_struct *idle;	/* (C) its idle task (other CPUs) */
	int preempt_count;		/* (P) see linux/preempt.h */
	/* (P) direct DMA mappings made on this CPU (kernel/dma/direct.h) */
	unsigned long dma_direct_mapped;
	u64 gdt[GDT_ENTRIES] __attribute__((aligned(16)));	/* (C) */
	/* (C), but for tss.sp0: (P) the running task's stack, set at each switch */
	struct tss_struct tss __attribute__((aligned(16)));
};

extern struct cpu_data cpu_data[NR_CPUS];

static inline struct cpu_data *this_cpu(void)
{
	struct cpu_data *p;

	__asm__ __volatile__("movq %%gs:0, %0" : "=r"(p));
	return p;
}

/*
 * Add one to a (P) counter of this CPU's cpu_data: one non-locked
 * instruction through GS, so neither a move to another CPU nor an
 * interrupt can come between its load and its store (Linux's
 * this_cpu_inc()).  Others may read the counter, never write it.
 */
#define this_cpu_inc(field)						\
	__asm__ __volatile__("incq %%gs:%c0" : :			\
			     "i" (offsetof(struct cpu_data, field)) : "memory")

/* GS at cpu_data[0], for the boot CPU's first steps (before cpu_init(0)). */
void cpu_early_init(void);
/* Load this CPU's GDT, TSS and GS base, and the shared IDT; set its features. */
void cpu_init(int cpu);
/* Whether SMAP and SMEP are on, and rep movsb is fast (set by CPU 0). */
extern bool smap_enabled, smep_enabled, cpu_has_erms;

#endif
