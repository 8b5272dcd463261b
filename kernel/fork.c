/*
 * fork(): a new process that is a copy of the caller.  The child gets
 * a copy-on-write copy of the address space (mm/mmap.c dup_mm), copies
 * of the open-file table and working directory, the caller's x87/SSE
 * registers and ignored signals, and the caller's user registers with
 * rax = 0; its first switch-in returns to user mode through
 * ret_from_fork (arch/x86/kernel/entry.asm).
 *
 * At most MAX_PROCESSES processes exist at once (zombies count, as in
 * Linux); beyond that fork() fails with -EAGAIN.  nr_processes and the
 * process tree are protected by tasklist_lock.
 */
#include <asm/switch_to.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <uapi/linux/fcntl.h>

int nr_processes;

/* Reserve a process slot: false when MAX_PROCESSES exist. */
static bool process_slot_get(void)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&tasklist_lock, flags);
	ok = nr_processes < MAX_PROCESSES;
	if (ok)
		nr_processes++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ok;
}

static void process_slot_put(void)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	nr_processes--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* List p as a child of the caller (a reference for the parent) and start it. */
static void attach_and_start(struct task_struct *p)
{
	unsigned long flags;

	p->is_process = true;
	get_task_struct(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wake_up_process(p);
}

/* Free a child that never ran. */
static void free_unstarted(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	if (p->fs)
		free_fs_struct(p->fs);
	vfree(p->stack);
	kfree(p);
}

long sys_fork(void)
{
	struct task_struct *p;

	if (!process_slot_get())
		return -EAGAIN;
	p = create_task(current->comm, ret_from_fork);
	if (!p)
		goto nomem;
	*task_pt_regs(p) = *task_pt_regs(current);
	task_pt_regs(p)->ax = 0;		/* fork() returns 0 in the child */
	fpu_copy_current(&p->fpu);
	p->ignored = current->ignored;
	p->pgid = current->pgid;
	p->sid = current->sid;
	copy_rlimits(p);
	p->mm = dup_mm(current->mm);
	if (current->files)
		p->files = dup_fd(current->files);
	if (current->fs)
		p->fs = copy_fs_struct(current->fs);
	if (!p->mm || (current->files && !p->files) || (current->fs && !p->fs)) {
		free_unstarted(p);
		goto nomem;
	}
	task_list_add(p);
	attach_and_start(p);
	return p->pid;
nomem:
	process_slot_put();
	return -ENOMEM;
}

/* ---- Processes the kernel starts (init, the test runner's programs) ---- */

struct spawn_request {
	const char *path;
	const char *const *argv;
	int (*init)(void *data);	/* may be NULL */
	void *data;
};

static const char *const spawn_envp[] = { "PATH=/bin", "HOME=/", "TERM=vt100", NULL };

/* Descriptors 0, 1 and 2 on the console, as Linux gives init. */
static int open_console(void)
{
	mm_segment_t old = get_fs();
	long fd;

	set_fs(KERNEL_DS);
	fd = sys_open((const char __user *)"/dev/console", O_RDWR, 0);
	if (fd >= 0) {
		sys_dup(0);
		sys_dup(0);
	}
	set_fs(old);
	return fd < 0 ? fd : 0;
}

int setup_process_files(void)
{
	current->fs = alloc_root_fs_struct();
	if (!current->files)		/* pid 1 has had one since boot */
		current->files = alloc_files();
	if (!current->fs || !current->files)
		return -ENOMEM;
	if (open_console())
		pr_warn("Warning: unable to open an initial console.\n");
	return 0;
}

static int spawn_thread(void *data)
{
	struct spawn_request req = *(struct spawn_request *)data;
	int err;

	kfree(data);
	err = setup_process_files();
	if (err) {
		pr_err("%s: no memory for its files (error %d)\n", req.path, err);
		return 127 << 8;
	}
	err = req.init ? req.init(req.data) : 0;
	if (err) {
		pr_err("%s: its setup failed (error %d)\n", req.path, err);
		return 127 << 8;
	}
	err = kernel_execve(req.path, req.argv, spawn_envp);
	if (err) {
		pr_err("Cannot run %s (error %d)\n", req.path, err);
		return 127 << 8;
	}
	ret_to_user(task_pt_regs(current));
}

pid_t kernel_spawn_init(const char *path, const char *const argv[],
			int (*init)(void *data), void *data)
{
	struct spawn_request *req = kmalloc(sizeof(*req), GFP_KERNEL);
	struct task_struct *p;
	const char *base = strrchr(path, '/');

	if (!req)
		return -ENOMEM;
	if (!process_slot_get()) {
		kfree(req);
		return -EAGAIN;
	}
	req->path = path;
	req->argv = argv;
	req->init = init;
	req->data = data;
	p = kthread_create(spawn_thread, req, base ? base + 1 : path);
	if (!p) {
		kfree(req);
		process_slot_put();
		return -ENOMEM;
	}
	attach_and_start(p);
	return p->pid;
}

pid_t kernel_spawn(const char *path, const char *const argv[])
{
	return kernel_spawn_init(path, argv, NULL, NULL);
}
