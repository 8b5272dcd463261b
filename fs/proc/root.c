/*
 * procfs, mounted at /proc: the root directory with Linux's text files
 * (meminfo, buddyinfo, zoneinfo, slabinfo, interrupts, cpuinfo, uptime),
 * the DMA layer's counters (swiotlb, dma-api: Linux has them in debugfs),
 * /proc/tty, "self", the entries other code made at run time (pde.c:
 * /proc/bus and what is below it), and a directory for every process
 * (base.c).  A name is looked up in that order.
 *
 * /proc/self is the caller's own directory.  In Linux it is a symbolic
 * link to the caller's pid; this VFS has no symbolic links, so looking
 * up "self" gives the directory /proc/PID itself (stat and lstat alike
 * see that directory, and there is no readlink).  The listing shows
 * "self" as Linux does, a DT_LNK entry with an inode number of its own:
 * it is the one name whose d_ino is not the i_ino its lookup gives, so
 * getcwd() in /proc/self still finds /proc/PID.
 *
 * Every proc inode is made by the lookup that finds it and dies with its
 * last reference (proc_evict_inode frees its proc_inode_info).  Inode
 * numbers and directory positions are computed, not counted, so two
 * lookups of one name give the same st_ino and a getdents64 listing
 * spread over several calls resumes exactly where it stopped.
 *
 * Locking: none here: the entries are constant (so are the tables of
 * the fixed subdirectories, such as proc_tty.c's /proc/tty) and the
 * generators and base.c take what they need.
 */
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <uapi/linux/dirent.h>

#include "internal.h"

#define PROC_SHOW_FILL(show)						\
static ssize_t show##_fill(pid_t pid, char *buf, size_t size)		\
{									\
	return show(buf, size);						\
}
PROC_SHOW_FILL(meminfo_show)
PROC_SHOW_FILL(buddyinfo_show)
PROC_SHOW_FILL(zoneinfo_show)
PROC_SHOW_FILL(slabinfo_show)
PROC_SHOW_FILL(interrupts_show)
PROC_SHOW_FILL(cpuinfo_show)
PROC_SHOW_FILL(uptime_show)
PROC_SHOW_FILL(vmstat_show)
PROC_SHOW_FILL(swiotlb_proc_show)
PROC_SHOW_FILL(dma_api_proc_show)

static const struct proc_entry proc_root_entries[] = {
	{ .name = "buddyinfo", .fill = buddyinfo_show_fill },
	{ .name = "cpuinfo", .fill = cpuinfo_show_fill },
	{ .name = "dma-api", .fill = dma_api_proc_show_fill },
	{ .name = "interrupts", .fill = interrupts_show_fill },
	{ .name = "meminfo", .fill = meminfo_show_fill },
	{ .name = "slabinfo", .fill = slabinfo_show_fill },
	{ .name = "swiotlb", .fill = swiotlb_proc_show_fill },
	{ .name = "tty", .dir = &proc_tty_dir },
	{ .name = "uptime", .fill = uptime_show_fill },
	{ .name = "vmstat", .fill = vmstat_show_fill },
	{ .name = "zoneinfo", .fill = zoneinfo_show_fill },
};

static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
};

static struct inode *proc_static_inode(unsigned int i)
{
	return proc_entry_inode(PROC_STATIC_INO(i), &proc_root_entries[i]);
}

/* A pid as /proc names it: decimal, no sign, no leading zero, > 0. */
static pid_t proc_name_to_pid(const char *s)
{
	long v = 0;

	if (*s < '1' || *s > '9')
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
		if (v > 0x7fffffff)
			return 0;
	}
	return v;
}

static struct inode *proc_root_lookup(struct inode *dir,
				      const struct qstr *name)
{
	struct inode *inode;
	unsigned int i;
	pid_t pid;

	for (i = 0; i < ARRAY_SIZE(proc_root_entries); i++) {
		if (!strcmp(name->name, proc_root_entries[i].name)) {
			inode = proc_static_inode(i);
			return inode ? inode : ERR_PTR(-ENOMEM);
		}
	}
	inode = proc_pde_lookup(&proc_root, name);
	if (!IS_ERR(inode) || PTR_ERR(inode) != -ENOENT)
		return inode;
	if (!strcmp(name->name, "self"))
		pid = current->pid;	/* 0 for an idle task: none */
	else
		pid = proc_name_to_pid(name->name);
	if (!pid || !proc_pid_alive(pid))
		return ERR_PTR(-ENOENT);
	inode = proc_pid_dir_inode(pid);
	return inode ? inode : ERR_PTR(-ENOMEM);
}

static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	const loff_t self = PROC_FIRST_POS + ARRAY_SIZE(proc_root_entries);
	unsigned int i;

	if (!dir_emit_dots(file, ctx))
		return 0;
	for (i = ctx->pos < self ? ctx->pos - PROC_FIRST_POS : self;
	     i < ARRAY_SIZE(proc_root_entries); i++) {
		const char *name = proc_root_entries[i].name;

		if (!dir_emit(ctx, name, strlen(name), PROC_STATIC_INO(i),
			      proc_entry_type(&proc_root_entries[i])))
			return 0;
		ctx->pos = PROC_FIRST_POS + i + 1;
	}
	if (ctx->pos == self) {
		if (!dir_emit(ctx, "self", 4, PROC_SELF_INO, DT_LNK))
			return 0;
		ctx->pos = self + 1;
	}
	if (ctx->pos < PROC_PID_POS(0) &&
	    !proc_pde_readdir(&proc_root, ctx, self + 1))
		return 0;
	return proc_pid_readdir(ctx);
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_fops = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate = proc_root_iterate,
};

void proc_root_init(void)
{
	struct super_block *sb = alloc_super("proc", &proc_sops);
	struct inode *root;
	int ret;

	if (IS_ERR(sb)) {
		pr_err("proc: no super block (error %ld)\n", PTR_ERR(sb));
		return;
	}
	proc_sb = sb;
	root = proc_new_inode(PROC_ROOT_INO, S_IFDIR | 0555, 0, NULL);
	if (!root) {
		pr_err("proc: no root directory\n");
		return;
	}
	root->i_op = &proc_root_iops;
	root->i_fop = &proc_root_fops;
	ret = kern_mount("/proc", root);
	if (ret) {
		pr_err("proc: cannot mount on /proc (error %d)\n", ret);
		iput(root);
		return;
	}
	pr_info("proc: mounted on /proc\n");	/* root: procfs's for ever */
	proc_mkdir("bus", NULL);
}
