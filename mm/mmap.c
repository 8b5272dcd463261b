/*
 * Address spaces and their regions: creating and copying an mm, the
 * sorted list of regions (struct vm_area_struct) with splitting and
 * merging, and the system calls that change it: brk, mmap, munmap and
 * mprotect (anonymous, private memory only).  Pages are not touched
 * here except to unmap them: a new region is filled by page faults
 * (mm/fault.c, mm/memory.c).
 *
 * Locking: mm->mmap_lock (a mutex: faults sleep in it) protects the
 * region list, the user page tables and the brk fields.  task->mm is
 * read and changed under tasklist_lock, so get_task_mm() can take a
 * reference to another task's mm safely.  mm_users is atomic: the last
 * mmput() tears the mm down.
 */
#include <asm/pgtable.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <uapi/asm/mman.h>

#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mutex_init(&mm->mmap_lock);
	atomic_set(&mm->mm_users, 1);
	mm->mmap_base = MMAP_BASE;
	return mm;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	mm->map_count--;
	kfree(vma);
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *n;

	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	list_for_each_entry_safe(vma, n, &mm->mmap, vm_list) {
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		remove_vma(mm, vma);
	}
	free_pgtables(mm);
	pgd_free(mm->pgd);
	kfree(mm);
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	mm = task->mm;
	if (mm)
		atomic_inc(&mm->mm_users);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mm;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

static struct vm_area_struct *vma_alloc(struct mm_struct *mm, unsigned long start,
					unsigned long end, unsigned long flags,
					const char *name)
{
	struct vm_area_struct *vma;

	if (mm->map_count >= MAX_MAP_COUNT)
		return NULL;
	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_mm = mm;
	vma->vm_name = name;
	mm->map_count++;
	return vma;
}

/* Put vma in address order (it overlaps nothing). */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
}

static bool can_merge(struct vm_area_struct *a, struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_name == b->vm_name;
}

/* Merge vma with its neighbours where they touch and agree. */
static void vma_merge(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev, *next;

	if (vma->vm_list.prev != &mm->mmap) {
		prev = list_prev_entry(vma, vm_list);
		if (can_merge(prev, vma)) {
			prev->vm_end = vma->vm_end;
			remove_vma(mm, vma);
			vma = prev;
		}
	}
	if (vma->vm_list.next != &mm->mmap) {
		next = list_next_entry(vma, vm_list);
		if (can_merge(vma, next)) {
			vma->vm_end = next->vm_end;
			remove_vma(mm, next);
		}
	}
}

/* Merge every pair of neighbours that touch and agree. */
static void merge_all(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (list_empty(&mm->mmap))
		return;
	vma = list_first_entry(&mm->mmap, struct vm_area_struct, vm_list);
	while (vma->vm_list.next != &mm->mmap) {
		next = list_next_entry(vma, vm_list);
		if (can_merge(vma, next)) {
			vma->vm_end = next->vm_end;
			remove_vma(mm, next);
		} else {
			vma = next;
		}
	}
}

/* Split vma at addr (inside it): vma keeps the low part. 0 or -ENOMEM. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr)
{
	struct vm_area_struct *high = vma_alloc(mm, addr, vma->vm_end,
						vma->vm_flags, vma->vm_name);

	if (!high)
		return -ENOMEM;
	vma->vm_end = addr;
	list_add(&high->vm_list, &vma->vm_list);
	return 0;
}

int insert_vm_region(struct mm_struct *mm, unsigned long start,
		     unsigned long end, unsigned long vm_flags, const char *name)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && vma->vm_start < end)
		return -EEXIST;
	vma = vma_alloc(mm, start, end, vm_flags, name);
	if (!vma)
		return -ENOMEM;
	vma_link(mm, vma);
	vma_merge(mm, vma);
	return 0;
}

/*
 * Make [start, end) begin and end on region boundaries, splitting the
 * regions cut; returns the first region inside, or an ERR_PTR.
 */
static struct vm_area_struct *split_range(struct mm_struct *mm,
					  unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start), *last;
	int err;

	if (!vma || vma->vm_start >= end)
		return NULL;
	if (vma->vm_start < start) {
		err = split_vma(mm, vma, start);
		if (err)
			return ERR_PTR(err);
		vma = list_next_entry(vma, vm_list);
	}
	last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end) {
		err = split_vma(mm, last, end);
		if (err)
			return ERR_PTR(err);
	}
	return vma;
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *n;
	unsigned long end;

	if ((start & ~PAGE_MASK) || !len || start >= TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	end = PAGE_ALIGN(start + len);
	vma = split_range(mm, start, end);
	if (IS_ERR_OR_NULL(vma))
		return PTR_ERR(vma);	/* 0 when nothing was mapped there */
	list_for_each_entry_safe_from(vma, n, &mm->mmap, vm_list) {
		if (vma->vm_start >= end)
			break;
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		remove_vma(mm, vma);
	}
	return 0;
}

struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr), *prev;
	unsigned long start = addr & PAGE_MASK;

	if (!vma || vma->vm_start <= addr)
		return vma;
	if (!(vma->vm_flags & VM_GROWSDOWN) || vma->vm_end - start > STACK_LIMIT)
		return NULL;
	if (vma->vm_list.prev != &mm->mmap) {
		prev = list_prev_entry(vma, vm_list);
		if (prev->vm_end > start)
			return NULL;
	}
	vma->vm_start = start;
	return vma;
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *copy;

	if (!mm)
		return NULL;
	mutex_lock(&old->mmap_lock);
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->mmap_base = old->mmap_base;
	memcpy(mm->exe_name, old->exe_name, sizeof(mm->exe_name));
	list_for_each_entry(vma, &old->mmap, vm_list) {
		copy = vma_alloc(mm, vma->vm_start, vma->vm_end, vma->vm_flags,
				 vma->vm_name);
		if (!copy)
			goto fail;
		list_add_tail(&copy->vm_list, &mm->mmap);
		if (copy_page_range(old, copy))
			goto fail;
	}
	/* The parent lost write access to every shared page. */
	flush_tlb_mm_range(old, 0, TASK_SIZE);
	mutex_unlock(&old->mmap_lock);
	return mm;
fail:
	flush_tlb_mm_range(old, 0, TASK_SIZE);
	mutex_unlock(&old->mmap_lock);
	mmput(mm);
	return NULL;
}

/* The top-most gap of len bytes below mmap_base, or -ENOMEM. */
static unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long end = mm->mmap_base;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= end)
			continue;
		if (vma->vm_end <= end && end - vma->vm_end >= len)
			return end - len;
		end = vma->vm_start;
	}
	return end - MMAP_MIN_ADDR >= len ? end - len : (unsigned long)-ENOMEM;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	/* x86 pages are always readable: write and exec imply read. */
	return (prot ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off)
{
	struct mm_struct *mm = current->mm;
	long ret;

	if (!len || (off & ~PAGE_MASK) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if ((flags & (MAP_SHARED | MAP_PRIVATE)) != MAP_PRIVATE)
		return -EINVAL;		/* shared mappings are not supported */
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;		/* nor are files */
	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	len = PAGE_ALIGN(len);
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
	}
	mutex_lock(&mm->mmap_lock);
	if (flags & MAP_FIXED) {
		ret = do_munmap(mm, addr, len);
		if (ret)
			goto out;
	} else {
		struct vm_area_struct *vma;

		addr &= PAGE_MASK;
		vma = find_vma(mm, addr);
		if (addr < MMAP_MIN_ADDR || addr > TASK_SIZE - len ||
		    (vma && vma->vm_start < addr + len))
			addr = get_unmapped_area(mm, len);
		if (IS_ERR((void *)addr)) {
			ret = (long)addr;
			goto out;
		}
	}
	ret = insert_vm_region(mm, addr, addr + len, prot_to_vm_flags(prot), NULL);
	if (!ret)
		ret = addr;
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* Every page of [start, end) lies in some region. */
static bool range_mapped(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	while (vma && vma->vm_start <= start) {
		if (vma->vm_end >= end)
			return true;
		start = vma->vm_end;
		vma = find_vma(mm, start);
	}
	return false;
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *n;
	unsigned long end, flags = prot_to_vm_flags(prot);
	long ret = 0;

	if ((start & ~PAGE_MASK) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (len > TASK_SIZE || start > TASK_SIZE - PAGE_ALIGN(len))
		return -ENOMEM;
	end = start + PAGE_ALIGN(len);
	if (end == start)
		return 0;
	mutex_lock(&mm->mmap_lock);
	if (!range_mapped(mm, start, end)) {
		ret = -ENOMEM;
		goto out;
	}
	vma = split_range(mm, start, end);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	list_for_each_entry_safe_from(vma, n, &mm->mmap, vm_list) {
		if (vma->vm_start >= end)
			break;
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | flags;
		change_protection(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
	}
	merge_all(mm);
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* Linux's brk: the new break, or the old one when it cannot move. */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;
	struct vm_area_struct *vma;

	mutex_lock(&mm->mmap_lock);
	if (brk < mm->start_brk || brk > mm->mmap_base)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
	} else if (newbrk > oldbrk) {
		vma = find_vma(mm, oldbrk);
		if (vma && vma->vm_start < newbrk)
			goto out;
		if (insert_vm_region(mm, oldbrk, newbrk, VM_READ | VM_WRITE,
				     "[heap]"))
			goto out;
	}
	mm->brk = brk;
out:
	brk = mm->brk;
	mutex_unlock(&mm->mmap_lock);
	return brk;
}

/* One line per region, in /proc/PID/maps's format. */
size_t proc_pid_maps_show(struct task_struct *task, char *buf, size_t size)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;
	size_t len = 0;

	if (!mm)
		return 0;
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long f = vma->vm_flags;
		char line[128];
		int n;

		n = snprintf(line, sizeof(line), "%08lx-%08lx %c%c%cp 00000000 00:00 0",
			     vma->vm_start, vma->vm_end, f & VM_READ ? 'r' : '-',
			     f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-');
		if (vma->vm_name)	/* Linux pads names to column 73 */
			n += snprintf(line + n, sizeof(line) - n, "%*s%s",
				      max(73 - n, 1), "", vma->vm_name);
		n += snprintf(line + n, sizeof(line) - n, "\n");
		if (len + n >= size)
			break;
		memcpy(buf + len, line, n);
		len += n;
	}
	buf[len] = 0;
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	return len;
}

/*
 * Make mm the current task's address space (NULL: none) and load it on
 * this CPU; returns the previous one, whose reference passes to the
 * caller.
 */
struct mm_struct *set_current_mm(struct mm_struct *mm)
{
	struct mm_struct *old;
	unsigned long flags;

	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, flags);
	old = current->mm;
	current->mm = mm;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	switch_mm(old, mm);
	preempt_enable();
	return old;
}

/* A kernel thread borrows mm, for tests (Linux's kthread_use_mm). */
void kthread_use_mm(struct mm_struct *mm)
{
	fpu_init_state(&current->fpu);
	set_current_mm(mm);
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	set_current_mm(NULL);
}
