/*
 * execve(): replace the current program by a static ELF64 executable
 * read from the file system.
 *
 * Everything that can fail happens before the old program is touched:
 * the arguments are copied into the kernel, the file is validated (a
 * wrong magic, class, machine or type, program headers out of the file,
 * a segment below MMAP_MIN_ADDR or reaching past TASK_SIZE, segments
 * that overlap or are out of order, file bytes past the end of the
 * file: all -ENOEXEC), and the whole new address space is built aside,
 * text and data copied in, the stack holding argc, argv, envp and the
 * auxiliary vector as the System V x86_64 ABI lays them out.  Only then
 * does the process switch to it (the point of no return) and drop the
 * old one, so a failed execve() returns to an unharmed caller.
 *
 * Segments are copied, not mapped from the file: ramfs pages belong to
 * the file, and a process must not see a later write to it.  The part
 * of a segment past its file bytes (bss) is demand-zero.
 *
 * Locking: until exec_mmap() the new mm is seen by no one else, so its
 * regions and page tables are built without its mmap_lock.
 */
#include <asm/elf.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/tsc.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/elf.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

#define ARG_MAX		(64 * 1024)	/* bytes of argument and environment strings */
#define MAX_ARG_STRINGS	4096
#define MAX_PHNUM	64

/* The new program, as it is put together. */
struct linux_binprm {
	char *strings;			/* argv then envp strings, NUL-separated */
	size_t used;
	int argc, envc;
	struct file *file;
	char name[TASK_COMM_LEN];
	Elf64_Ehdr ehdr;
	Elf64_Phdr phdr[MAX_PHNUM];
	unsigned long entry, stack_ptr, brk, phdr_addr;
	struct mm_struct *mm;
};

/* Append the strings of the user array argv; their count, or -ENAME. */
static int copy_strings(struct linux_binprm *bprm,
			const char __user *const __user *argv)
{
	int n = 0;

	if (!argv)
		return 0;
	for (;; n++) {
		const char __user *str;
		long len;

		if (get_user(str, argv + n))
			return -EFAULT;
		if (!str)
			return n;
		if (n >= MAX_ARG_STRINGS)
			return -E2BIG;
		len = strnlen_user(str, ARG_MAX);
		if (!len)
			return -EFAULT;
		if (len > ARG_MAX - (long)bprm->used)
			return -E2BIG;
		if (copy_from_user(bprm->strings + bprm->used, str, len))
			return -EFAULT;
		bprm->strings[bprm->used + len - 1] = 0;
		bprm->used += len;
	}
}

static int read_exact(struct file *file, void *buf, size_t len, loff_t pos)
{
	ssize_t n = kernel_read(file, buf, len, &pos);

	if (n < 0)
		return n;
	return n == (ssize_t)len ? 0 : -ENOEXEC;
}

static bool ehdr_valid(const Elf64_Ehdr *e)
{
	return !memcmp(e->e_ident, ELFMAG, SELFMAG) &&
	       e->e_ident[EI_CLASS] == ELF_CLASS &&
	       e->e_ident[EI_DATA] == ELF_DATA &&
	       e->e_ident[EI_VERSION] == EV_CURRENT &&
	       e->e_type == ET_EXEC && elf_check_arch(e) &&
	       e->e_phentsize == sizeof(Elf64_Phdr) &&
	       e->e_phnum >= 1 && e->e_phnum <= MAX_PHNUM;
}

/* Each PT_LOAD inside the file and the user range, in order, apart. */
static int check_segments(struct linux_binprm *bprm, loff_t size)
{
	unsigned long prev_end = MMAP_MIN_ADDR, end;
	bool any = false;
	int i;

	for (i = 0; i < bprm->ehdr.e_phnum; i++) {
		const Elf64_Phdr *ph = &bprm->phdr[i];

		if (ph->p_type != PT_LOAD)
			continue;
		if (ph->p_filesz > ph->p_memsz || ph->p_offset > (u64)size ||
		    ph->p_filesz > (u64)size - ph->p_offset ||
		    ph->p_vaddr < prev_end || ph->p_memsz > TASK_SIZE ||
		    ph->p_vaddr > TASK_SIZE - ph->p_memsz)
			return -ENOEXEC;
		end = ph->p_vaddr + ph->p_memsz;
		prev_end = (end + PAGE_SIZE - 1) & PAGE_MASK;
		if (!any)
			bprm->phdr_addr = ph->p_vaddr + bprm->ehdr.e_phoff - ph->p_offset;
		any = true;
	}
	bprm->brk = prev_end;
	if (!any || bprm->ehdr.e_entry < MMAP_MIN_ADDR ||
	    bprm->ehdr.e_entry >= prev_end)
		return -ENOEXEC;
	return 0;
}

static int read_headers(struct linux_binprm *bprm)
{
	struct inode *inode = file_inode(bprm->file);
	Elf64_Ehdr *e = &bprm->ehdr;
	int err;

	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & 0111))
		return -EACCES;
	err = read_exact(bprm->file, e, sizeof(*e), 0);
	if (err)
		return err;
	if (!ehdr_valid(e))
		return -ENOEXEC;
	err = read_exact(bprm->file, bprm->phdr, e->e_phnum * sizeof(Elf64_Phdr),
			 e->e_phoff);
	if (err)
		return err;
	bprm->entry = e->e_entry;
	return check_segments(bprm, inode->i_size);
}

static unsigned long segment_flags(const Elf64_Phdr *ph)
{
	return (ph->p_flags & PF_R ? VM_READ : 0) |
	       (ph->p_flags & PF_W ? VM_WRITE | VM_READ : 0) |
	       (ph->p_flags & PF_X ? VM_EXEC | VM_READ : 0);
}

/* Map a segment's region and copy its file bytes into fresh pages. */
static int load_segment(struct linux_binprm *bprm, const Elf64_Phdr *ph)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long end = (ph->p_vaddr + ph->p_memsz + PAGE_SIZE - 1) & PAGE_MASK;
	unsigned long flags = segment_flags(ph), addr;
	u64 file_end = ph->p_vaddr + ph->p_filesz;
	int err = insert_vm_region(mm, start, end, flags, mm->exe_name);

	if (err)
		return err == -EEXIST ? -ENOEXEC : err;
	for (addr = start; addr < file_end; addr += PAGE_SIZE) {
		unsigned long from = max(addr, (unsigned long)ph->p_vaddr);
		unsigned long to = min(addr + PAGE_SIZE, (unsigned long)file_end);
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		unsigned long *pte = user_pte(mm, addr, true, NULL);

		if (!page || !pte) {
			if (page)
				__free_pages(page, 0);
			return -ENOMEM;
		}
		*pte = pfn_pte(page_to_pfn(page), vm_page_prot(flags));
		mm->rss++;
		err = read_exact(bprm->file, (char *)page_address(page) + (from - addr),
				 to - from, ph->p_offset + (from - ph->p_vaddr));
		if (err)
			return err;
	}
	return 0;
}

/* The initial stack: strings at the top, then auxv, envp, argv, argc. */
static int setup_stack(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long sp = STACK_TOP, strings, random, *vec, *v;
	size_t words = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * 7;
	u64 rnd[2] = { rdtsc(), rdtsc() * 0x9e3779b97f4a7c15ULL };
	const char *s = bprm->strings;
	int i, err;

	err = insert_vm_region(mm, STACK_TOP - STACK_INIT_SIZE, STACK_TOP,
			       VM_READ | VM_WRITE | VM_GROWSDOWN, "[stack]");
	if (err)
		return err;
	strings = (sp - bprm->used) & ~15UL;
	random = strings - 16;
	sp = (random - words * sizeof(long)) & ~15UL;
	mm->start_stack = sp;
	vec = v = kmalloc(words * sizeof(long), GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	*v++ = bprm->argc;
	for (i = 0; i < bprm->argc + bprm->envc; i++) {
		if (i == bprm->argc)
			*v++ = 0;		/* end of argv */
		*v++ = strings + (s - bprm->strings);
		s += strlen(s) + 1;
	}
	if (!bprm->envc)
		*v++ = 0;			/* end of argv */
	*v++ = 0;				/* end of envp */
	*v++ = AT_PHDR;   *v++ = bprm->phdr_addr;
	*v++ = AT_PHENT;  *v++ = sizeof(Elf64_Phdr);
	*v++ = AT_PHNUM;  *v++ = bprm->ehdr.e_phnum;
	*v++ = AT_PAGESZ; *v++ = PAGE_SIZE;
	*v++ = AT_ENTRY;  *v++ = bprm->entry;
	*v++ = AT_RANDOM; *v++ = random;
	*v++ = AT_NULL;   *v++ = 0;
	err = copy_to_mm(mm, strings, bprm->strings, bprm->used);
	if (!err)
		err = copy_to_mm(mm, random, rnd, sizeof(rnd));
	if (!err)
		err = copy_to_mm(mm, sp, vec, (v - vec) * sizeof(long));
	kfree(vec);
	bprm->stack_ptr = sp;
	return err;
}

static int build_mm(struct linux_binprm *bprm)
{
	int i, err;

	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	strlcpy(bprm->mm->exe_name, bprm->name, sizeof(bprm->mm->exe_name));
	for (i = 0; i < bprm->ehdr.e_phnum; i++) {
		if (bprm->phdr[i].p_type != PT_LOAD)
			continue;
		err = load_segment(bprm, &bprm->phdr[i]);
		if (err)
			return err;
	}
	bprm->mm->start_brk = bprm->mm->brk = bprm->brk;
	bprm->mm->start_code = bprm->phdr[0].p_vaddr;
	return setup_stack(bprm);
}

/* The point of no return: current runs the new program from here on. */
static void exec_mmap(struct linux_binprm *bprm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old = set_current_mm(bprm->mm);
	unsigned long flags;

	bprm->mm = NULL;
	spin_lock_irqsave(&tasklist_lock, flags);	/* /proc reads comm */
	strlcpy(tsk->comm, bprm->name, sizeof(tsk->comm));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (old)
		mmput(old);
	if (tsk->files)
		do_close_on_exec(tsk->files);
	start_thread(task_pt_regs(tsk), bprm->entry, bprm->stack_ptr);
}

static int do_execve(const char *filename, const char __user *const __user *argv,
		     const char __user *const __user *envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	const char *base = strrchr(filename, '/');
	int err;

	if (!bprm)
		return -ENOMEM;
	bprm->strings = kmalloc(ARG_MAX, GFP_KERNEL);
	err = -ENOMEM;
	if (!bprm->strings)
		goto out;
	strlcpy(bprm->name, base ? base + 1 : filename, sizeof(bprm->name));
	err = bprm->argc = copy_strings(bprm, argv);
	if (err < 0)
		goto out;
	err = bprm->envc = copy_strings(bprm, envp);
	if (err < 0)
		goto out;
	bprm->file = filp_open(filename, O_RDONLY, 0);
	if (IS_ERR(bprm->file)) {
		err = PTR_ERR(bprm->file);
		bprm->file = NULL;
		goto out;
	}
	err = read_headers(bprm);
	if (!err)
		err = build_mm(bprm);
	if (!err)
		exec_mmap(bprm);
out:
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->strings);
	kfree(bprm);
	return err;
}

long sys_execve(const char __user *filename,
		const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long err;

	if (!name)
		return -ENOMEM;
	err = strncpy_from_user(name, filename, PATH_MAX);
	if (err == PATH_MAX)
		err = -ENAMETOOLONG;
	else if (err == 0)
		err = -ENOENT;
	if (err > 0)
		err = do_execve(name, argv, envp);
	kfree(name);
	return err;
}

int kernel_execve(const char *filename, const char *const argv[],
		  const char *const envp[])
{
	mm_segment_t old = get_fs();
	int err;

	set_fs(KERNEL_DS);
	err = sys_execve((const char __user *)filename,
			 (const char __user *const __user *)argv,
			 (const char __user *const __user *)envp);
	set_fs(old);
	return err;
}
