/*
 * Keeping the TLBs honest (Linux's arch/x86/mm/tlb.c): loading a
 * process's page tables on a CPU (switch_mm), and making every CPU that
 * may have cached a changed mapping forget it.
 *
 * A CPU caches translations of the page tables loaded in its CR3, so a
 * user mapping that shrinks or changes must be flushed on each CPU that
 * has the mm loaded: mm->cpu_vm_mask says which, and only those are
 * interrupted (smp_call_function).  A small range is flushed page by
 * page (invlpg), a large one by reloading CR3.  Kernel mappings are in
 * every CPU's tables, so flush_tlb_kernel_range() interrupts them all.
 *
 * Ordering: a flusher changes ptes, then reads cpu_vm_mask; switch_mm()
 * sets this CPU's bit, then loads the tables.  The full barriers on
 * both sides mean one of them sees the other: the flusher sees the bit,
 * or this CPU the new ptes.  cpu_vm_mask is changed with atomic bit
 * operations only.
 *
 * Modern Linux tags TLB entries with an address-space id (PCID), so a
 * switch need not flush, and tracks per CPU which mm generation each
 * has seen, flushing lazily.
 */
#include <asm/barrier.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/smp.h>

struct tlb_flush_info {
	struct mm_struct *mm;
	unsigned long start, end;
};

/* Up to this many pages are flushed one by one, more by reloading CR3. */
#define TLB_FLUSH_PAGES	32

static void flush_tlb_local(void *data)
{
	struct tlb_flush_info *info = data;
	unsigned long addr;

	if (!test_bit(smp_processor_id(), &info->mm->cpu_vm_mask))
		return;
	if ((info->end - info->start) >> PAGE_SHIFT > TLB_FLUSH_PAGES) {
		write_cr3(read_cr3());
		return;
	}
	for (addr = info->start; addr < info->end; addr += PAGE_SIZE)
		flush_tlb_one(addr);
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	struct tlb_flush_info info = { mm, start, end };
	unsigned long others;

	preempt_disable();
	flush_tlb_local(&info);
	smp_mb();		/* the ptes before the mask: see switch_mm() */
	others = READ_ONCE(mm->cpu_vm_mask) & ~(1UL << smp_processor_id());
	preempt_enable();
	if (others)
		smp_call_function(flush_tlb_local, &info);
}

void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	int cpu = smp_processor_id();

	if (prev == next)
		return;
	if (next) {
		set_bit(cpu, &next->cpu_vm_mask);
		smp_mb__after_atomic();
		write_cr3(__pa(next->pgd));
	} else {
		load_kernel_pgd();
	}
	if (prev) {
		smp_mb__before_atomic();	/* off prev's tables first */
		clear_bit(cpu, &prev->cpu_vm_mask);
	}
}

static void flush_tlb_all_local(void *unused)
{
	write_cr3(read_cr3());
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	for (va = start; va < end; va += PAGE_SIZE)
		flush_tlb_one(va);
	smp_call_function(flush_tlb_all_local, NULL);
}
