/*
 * Tests of /proc (suite "proc"): every file opens and reads as
 * non-empty text whose first line has Linux's format; MemTotal is the
 * allocator's managed memory; cpuinfo has one block per online CPU with
 * its node and APIC id; /proc/PID exists for a live task (stat, status,
 * maps) and not for a missing, malformed or exited pid; /proc/self is
 * the caller's own directory; listings hold the files, "self" and the
 * pids, and /proc/tty its driver directory with the serial port's
 * counts; reads at offsets and lseek() serve one snapshot per open file.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/preempt.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/tty.h>
#include <uapi/linux/dirent.h>

#define TEXT_SIZE	(64 * 1024)

/* The whole file at path into a kmalloc'd, NUL-terminated buffer. */
static char *read_text(struct kunit *test, const char *path, ssize_t *len)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	char *buf;
	ssize_t n;
	loff_t pos = 0;

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s: error %ld", path,
			       PTR_ERR(f));
	buf = kmalloc(TEXT_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	*len = 0;
	while ((n = kernel_read(f, buf + *len, TEXT_SIZE - 1 - *len, &pos)) > 0)
		*len += n;
	filp_close(f, NULL);
	KUNIT_EXPECT_GE_MSG(test, n, 0, "%s", path);
	buf[*len] = '\0';
	return buf;
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void proc_files_have_linux_first_lines(struct kunit *test)
{
	static const struct {
		const char *path, *first;
	} files[] = {
		{ "/proc/meminfo", "MemTotal:" },
		{ "/proc/buddyinfo", "Node 0, zone " },
		{ "/proc/zoneinfo", "Node 0, zone " },
		{ "/proc/slabinfo", "slabinfo - version: 2.1\n" },
		{ "/proc/interrupts", "           CPU0       " },
		{ "/proc/cpuinfo", "processor\t: 0\n" },
		{ "/proc/uptime", "" },
		{ "/proc/vmstat", "nr_free_pages " },
		{ "/proc/swiotlb", "pool main [mem 0x" },
		{ "/proc/dma-api", "disabled " },
		{ "/proc/tty/driver/serial", "serinfo:1.0 driver revision:\n"
		  "0: uart:16550A port:000003F8 irq:4 tx:" },
	};
	unsigned int i;
	ssize_t len;
	char *text;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		text = read_text(test, files[i].path, &len);
		KUNIT_EXPECT_GT_MSG(test, len, 0, "%s", files[i].path);
		KUNIT_EXPECT_TRUE_MSG(test, starts_with(text, files[i].first),
				      "%s starts \"%.40s\"", files[i].path, text);
		KUNIT_EXPECT_EQ_MSG(test, text[len - 1], '\n', "%s",
				    files[i].path);
		kfree(text);
	}
}

static void proc_uptime_format(struct kunit *test)
{
	unsigned long long a, b;
	ssize_t len;
	char *text = read_text(test, "/proc/uptime", &len);
	char *dot = strchr(text, '.'), *sp = strchr(text, ' ');

	KUNIT_ASSERT_NOT_NULL(test, dot);
	KUNIT_ASSERT_NOT_NULL(test, sp);
	KUNIT_EXPECT_EQ(test, sp - dot, 3);	/* two decimals */
	KUNIT_EXPECT_STREQ(test, sp, " 0.00\n");
	*dot = '\0';
	KUNIT_EXPECT_EQ(test, kstrtoull(text, 10, &a), 0);
	*sp = '\0';
	KUNIT_EXPECT_EQ(test, kstrtoull(dot + 1, 10, &b), 0);
	kfree(text);
}

static unsigned long managed_kb(void)
{
	unsigned long pages = 0;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			pages += NODE_DATA(nid)->node_zones[z].managed_pages;
	return pages << (PAGE_SHIFT - 10);
}

static void proc_meminfo_total_is_managed_memory(struct kunit *test)
{
	unsigned long long kb;
	ssize_t len;
	char *text = read_text(test, "/proc/meminfo", &len);
	char *p = text + strlen("MemTotal:"), *end;

	while (*p == ' ')
		p++;
	end = strchr(p, ' ');
	KUNIT_ASSERT_NOT_NULL(test, end);
	KUNIT_EXPECT_TRUE(test, starts_with(end, " kB\n"));
	*end = '\0';
	KUNIT_ASSERT_EQ(test, kstrtoull(p, 10, &kb), 0);
	KUNIT_EXPECT_EQ(test, kb, managed_kb());
	kfree(text);
}

/* The number after "field\t...: " in the block at s, or -1. */
static long block_field(const char *s, const char *end, const char *field)
{
	size_t n = strlen(field);
	unsigned long long v;
	char num[24];
	int i;

	for (; s && s < end; s = strchr(s, '\n'), s = s ? s + 1 : NULL) {
		if (strncmp(s, field, n) || (s[n] != '\t' && s[n] != ' '))
			continue;
		s = strstr(s, ": ");
		for (i = 0, s += 2; i < 23 && s[i] >= '0' && s[i] <= '9'; i++)
			num[i] = s[i];
		num[i] = '\0';
		return kstrtoull(num, 10, &v) ? -1 : (long)v;
	}
	return -1;
}

static void proc_cpuinfo_block_per_cpu(struct kunit *test)
{
	ssize_t len;
	char *text = read_text(test, "/proc/cpuinfo", &len);
	char *block = text, *next;
	int blocks = 0;
	long cpu;

	while (block && *block) {
		next = strstr(block, "\n\n");
		KUNIT_ASSERT_NOT_NULL(test, next);
		cpu = block_field(block, next, "processor");
		KUNIT_ASSERT_GE(test, cpu, 0);
		KUNIT_ASSERT_LT(test, cpu, nr_cpu_ids);
		KUNIT_EXPECT_TRUE(test, cpu_data[cpu].online);
		KUNIT_EXPECT_EQ_MSG(test, block_field(block, next, "node"),
				    cpu_to_node(cpu), "CPU %ld", cpu);
		KUNIT_EXPECT_EQ_MSG(test, block_field(block, next, "apicid"),
				    cpu_data[cpu].apic_id, "CPU %ld", cpu);
		KUNIT_EXPECT_GE(test, block_field(block, next, "cpu family"), 0);
		KUNIT_EXPECT_NOT_NULL(test, strstr(block, "\nflags\t\t: "));
		KUNIT_EXPECT_NOT_NULL(test, strstr(block, "\nvendor_id\t: "));
		KUNIT_EXPECT_NOT_NULL(test, strstr(block, "\ncpu MHz\t\t: "));
		blocks++;
		block = next + 2;
	}
	KUNIT_EXPECT_EQ(test, blocks, num_online_cpus());
	kfree(text);
}

static void proc_pid_files_of_this_task(struct kunit *test)
{
	char path[40], expect[64];
	ssize_t len;
	char *text;
	int fields = 2;		/* pid and (comm), then one per space */
	char *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", current->pid);
	text = read_text(test, path, &len);
	snprintf(expect, sizeof(expect), "%d (%s) R ", current->pid,
		 current->comm);
	KUNIT_EXPECT_TRUE_MSG(test, starts_with(text, expect), "stat: %s", text);
	for (p = strchr(text, ')'); p && *p; p++)
		fields += *p == ' ';
	KUNIT_EXPECT_EQ(test, fields, 52);
	/* No terminal (tty_nr 0, tpgid -1), and PF_KTHREAD in flags. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " 0 -1 2097152 0 "));
	kfree(text);

	snprintf(path, sizeof(path), "/proc/%d/status", current->pid);
	text = read_text(test, path, &len);
	snprintf(expect, sizeof(expect), "Name:\t%s\nState:\tR (running)\n",
		 current->comm);
	KUNIT_EXPECT_TRUE_MSG(test, starts_with(text, expect), "status: %s",
			      text);
	snprintf(expect, sizeof(expect), "\nPid:\t%d\n", current->pid);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, expect));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\nPPid:\t"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\nKthread:\t1\n"));
	kfree(text);

	snprintf(path, sizeof(path), "/proc/%d/maps", current->pid);
	text = read_text(test, path, &len);	/* a kernel thread has none */
	KUNIT_EXPECT_EQ(test, len, strlen(text));
	kfree(text);
}

static void expect_enoent(struct kunit *test, const char *path)
{
	struct inode *inode = kern_path(path);

	KUNIT_EXPECT_TRUE_MSG(test, IS_ERR(inode), "%s exists", path);
	if (IS_ERR(inode))
		KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(inode), -ENOENT, "%s", path);
	else
		iput(inode);
}

/* /proc/self is the directory of whoever looks it up. */
static void proc_self_is_the_callers_directory(struct kunit *test)
{
	struct inode *self = kern_path("/proc/self"), *own;
	char path[40], expect[40];
	ssize_t len;
	char *text;

	KUNIT_ASSERT_FALSE(test, IS_ERR(self));
	snprintf(path, sizeof(path), "/proc/%d", current->pid);
	own = kern_path(path);
	KUNIT_ASSERT_FALSE(test, IS_ERR(own));
	KUNIT_EXPECT_TRUE(test, S_ISDIR(self->i_mode));
	KUNIT_EXPECT_EQ(test, self->i_ino, own->i_ino);
	iput(own);
	iput(self);

	text = read_text(test, "/proc/self/status", &len);
	snprintf(expect, sizeof(expect), "\nPid:\t%d\n", current->pid);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(text, expect), "%s", text);
	kfree(text);
	text = read_text(test, "/proc/self/stat", &len);
	snprintf(expect, sizeof(expect), "%d (%s) ", current->pid,
		 current->comm);
	KUNIT_EXPECT_TRUE_MSG(test, starts_with(text, expect), "%s", text);
	kfree(text);
	expect_enoent(test, "/proc/self/environ");
}

static void proc_missing_entries(struct kunit *test)
{
	char path[40];

	expect_enoent(test, "/proc/999999");
	expect_enoent(test, "/proc/2147483647");
	expect_enoent(test, "/proc/99999999999");
	expect_enoent(test, "/proc/0");
	expect_enoent(test, "/proc/-1");
	expect_enoent(test, "/proc/abc");
	expect_enoent(test, "/proc/meminfo2");
	expect_enoent(test, "/proc/tty/ldiscs");
	expect_enoent(test, "/proc/tty/driver/serial8250");
	snprintf(path, sizeof(path), "/proc/0%d", current->pid);
	expect_enoent(test, path);
	snprintf(path, sizeof(path), "/proc/%dx", current->pid);
	expect_enoent(test, path);
	snprintf(path, sizeof(path), "/proc/%d/environ", current->pid);
	expect_enoent(test, path);
}

struct sleeper {
	struct completion go, done;
};

static int sleeper_fn(void *data)
{
	struct sleeper *s = data;

	wait_for_completion(&s->go);
	complete(&s->done);
	return 0;
}

/* A task's directory goes away once the task has exited and is reaped. */
static void proc_pid_dir_of_exited_task(struct kunit *test)
{
	struct sleeper *s = kzalloc(sizeof(*s), GFP_KERNEL);
	struct task_struct *t;
	struct inode *inode;
	char path[40];
	ssize_t len;
	char *text;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	init_completion(&s->go);
	init_completion(&s->done);
	t = kthread_run(sleeper_fn, s, "proc_sleeper");
	KUNIT_ASSERT_NOT_NULL(test, t);
	snprintf(path, sizeof(path), "/proc/%d/status", t->pid);
	text = read_text(test, path, &len);
	KUNIT_EXPECT_TRUE(test, starts_with(text, "Name:\tproc_sleeper\n"));
	kfree(text);
	snprintf(path, sizeof(path), "/proc/%d", t->pid);
	inode = kern_path(path);
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_TRUE(test, S_ISDIR(inode->i_mode));
	iput(inode);

	complete(&s->go);
	wait_for_completion(&s->done);
	for (i = 0; i < 1000; i++) {	/* until the reaper has freed it */
		inode = kern_path(path);
		if (IS_ERR(inode))
			break;
		iput(inode);
		msleep(10);
	}
	expect_enoent(test, path);
	kfree(s);
}

/* A task that looks like a process: an address space of nr_vmas regions. */
struct fake_process {
	int nr_vmas;
	int err;
	struct task_struct *task;
	struct completion ready, go, done;
};

#define FAKE_PGRP	4321
#define FAKE_BASE	0x400000UL

static int fake_mm_fill(struct mm_struct *mm, int nr)
{
	unsigned long start;
	int i, err = 0;

	mutex_lock(&mm->mmap_lock);
	for (i = 0; i < nr && !err; i++) {
		start = FAKE_BASE + i * 2 * PAGE_SIZE;	/* gaps: no merging */
		err = insert_vm_region(mm, start, start + PAGE_SIZE,
				       VM_READ | (i % 2 ? VM_WRITE : 0),
				       i ? NULL : "[heap]");
	}
	mutex_unlock(&mm->mmap_lock);
	return err;
}

static int fake_process_fn(void *data)
{
	struct fake_process *fp = data;
	struct mm_struct *mm = mm_alloc();
	unsigned long flags;

	fp->err = mm ? fake_mm_fill(mm, fp->nr_vmas) : -ENOMEM;
	if (mm) {
		preempt_disable();
		spin_lock_irqsave(&tasklist_lock, flags);
		current->mm = mm;	/* do_exit() releases it */
		current->pgid = FAKE_PGRP;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		switch_mm(NULL, mm);
		preempt_enable();
	}
	complete(&fp->ready);
	wait_for_completion(&fp->go);
	complete(&fp->done);
	return 0;
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/*
 * A process's maps, stat and status; its maps (150 lines, 6 KiB) also
 * make the text buffer grow.
 */
static void proc_pid_files_of_a_process(struct kunit *test)
{
	struct fake_process *fp = kzalloc(sizeof(*fp), GFP_KERNEL);
	char path[40], expect[64];
	ssize_t len;
	char *text;

	KUNIT_ASSERT_NOT_NULL(test, fp);
	fp->nr_vmas = 150;
	init_completion(&fp->ready);
	init_completion(&fp->go);
	init_completion(&fp->done);
	fp->task = kthread_run(fake_process_fn, fp, "proc_process");
	KUNIT_ASSERT_NOT_NULL(test, fp->task);
	wait_for_completion(&fp->ready);
	KUNIT_EXPECT_EQ(test, fp->err, 0);

	snprintf(path, sizeof(path), "/proc/%d/maps", fp->task->pid);
	text = read_text(test, path, &len);
	KUNIT_EXPECT_GT(test, len, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, count_lines(text), 150);
	KUNIT_EXPECT_TRUE_MSG(test, starts_with(text,
			"00400000-00401000 r--p 00000000 00:00 0 "), "%.80s", text);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "[heap]\n00402000-00403000 rw-p"));
	kfree(text);

	snprintf(path, sizeof(path), "/proc/%d/stat", fp->task->pid);
	text = read_text(test, path, &len);
	/* pid (comm), a sleeping state (S or D), ppid pgrp session ... */
	snprintf(expect, sizeof(expect), "%d (proc_process) ", fp->task->pid);
	KUNIT_EXPECT_TRUE_MSG(test, starts_with(text, expect), "stat: %s", text);
	KUNIT_EXPECT_NOT_NULL(test, strchr("SD", text[strlen(expect)]));
	snprintf(expect, sizeof(expect), " 0 %d 0 %d %d 0 ", FAKE_PGRP,
		 5 << 8 | 1, tty_get_pgrp(console_tty));	/* the console */
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(text, expect), "stat: %s", text);
	kfree(text);

	snprintf(path, sizeof(path), "/proc/%d/status", fp->task->pid);
	text = read_text(test, path, &len);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\nKthread:\t0\n"
						"VmPin:\t       0 kB\nThreads:"));
	snprintf(expect, sizeof(expect), "\nNSpgid:\t%d\n", FAKE_PGRP);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, expect));
	kfree(text);

	complete(&fp->go);
	wait_for_completion(&fp->done);
	kfree(fp);
}

/* Texts longer than the first buffer arrive whole. */
static void proc_long_texts_are_whole(struct kunit *test)
{
	static const struct {
		const char *path;
		size_t (*show)(char *buf, size_t size);
	} files[] = {
		{ "/proc/slabinfo", slabinfo_show },
		{ "/proc/cpuinfo", cpuinfo_show },
		{ "/proc/interrupts", interrupts_show },
	};
	char *direct = kmalloc(TEXT_SIZE, GFP_KERNEL);
	unsigned int i;
	ssize_t len;
	char *text;

	KUNIT_ASSERT_NOT_NULL(test, direct);
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		text = read_text(test, files[i].path, &len);
		files[i].show(direct, TEXT_SIZE);
		KUNIT_EXPECT_EQ_MSG(test, count_lines(text), count_lines(direct),
				    "%s", files[i].path);
		kunit_info(test, "%s: %zd bytes", files[i].path, len);
		kfree(text);
	}
	kfree(direct);
}

struct listing {
	struct dir_context ctx;
	char names[4096];
	int n, dirs, links;
};

static bool list_actor(struct dir_context *ctx, const char *name, int len,
		       loff_t offset, u64 ino, unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	size_t at = strlen(l->names);

	if (at + len + 2 > sizeof(l->names))
		return false;
	memcpy(l->names + at, name, len);
	memcpy(l->names + at + len, " ", 2);
	l->n++;
	l->dirs += type == DT_DIR;
	l->links += type == DT_LNK;
	return true;
}

static void list_dir(struct kunit *test, const char *path, struct listing *l)
{
	struct file *dir = filp_open(path, O_RDONLY | O_DIRECTORY, 0);

	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	memset(l, 0, sizeof(*l));
	strscpy(l->names, " ", sizeof(l->names));
	l->ctx.actor = list_actor;
	KUNIT_EXPECT_EQ(test, iterate_dir(dir, &l->ctx), 0);
	KUNIT_EXPECT_EQ(test, iterate_dir(dir, &l->ctx), 0);	/* at the end */
	filp_close(dir, NULL);
}

static void proc_listings(struct kunit *test)
{
	static const char *const names[] = {
		" . ", " .. ", " meminfo ", " buddyinfo ", " zoneinfo ",
		" slabinfo ", " interrupts ", " cpuinfo ", " uptime ", " vmstat ",
		" swiotlb ", " dma-api ", " self ",
	};
	struct listing *l = kzalloc(sizeof(*l), GFP_KERNEL);
	char name[24], path[24];
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, l);
	list_dir(test, "/proc", l);
	kunit_info(test, "/proc:%s", l->names);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(l->names, names[i]),
					  "%s", names[i]);
	snprintf(name, sizeof(name), " %d ", current->pid);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l->names, name));
	KUNIT_EXPECT_EQ(test, l->n - l->dirs, ARRAY_SIZE(names) - 2);
	KUNIT_EXPECT_GE(test, l->dirs, 2 + 2);	/* ., .., this task, more */
	KUNIT_EXPECT_EQ(test, l->links, 1);	/* self, as in Linux */

	KUNIT_EXPECT_NOT_NULL(test, strstr(l->names, " tty "));

	snprintf(path, sizeof(path), "/proc/%d", current->pid);
	list_dir(test, path, l);
	KUNIT_EXPECT_STREQ(test, l->names, " . .. maps stat status ");
	list_dir(test, "/proc/tty", l);
	KUNIT_EXPECT_STREQ(test, l->names, " . .. driver ");
	KUNIT_EXPECT_EQ(test, l->dirs, 3);
	list_dir(test, "/proc/tty/driver", l);
	KUNIT_EXPECT_STREQ(test, l->names, " . .. serial ");
	KUNIT_EXPECT_EQ(test, l->dirs, 2);
	kfree(l);
}

/* Small reads at advancing offsets give the same bytes as one read. */
static void proc_reads_at_offsets(struct kunit *test)
{
	struct file *f = filp_open("/proc/zoneinfo", O_RDONLY, 0);
	char *a = kzalloc(TEXT_SIZE, GFP_KERNEL);
	char *b = kzalloc(TEXT_SIZE, GFP_KERNEL);
	ssize_t n, la = 0, lb;
	loff_t pos = 0;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_ASSERT_TRUE(test, a && b);
	while ((n = kernel_read(f, a + la, 7, &pos)) > 0)
		la += n;
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_GT(test, la, 100);
	KUNIT_EXPECT_EQ(test, pos, la);

	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), la);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0);
	pos = 0;
	lb = kernel_read(f, b, TEXT_SIZE - 1, &pos);
	KUNIT_EXPECT_EQ(test, lb, la);
	KUNIT_EXPECT_MEMEQ(test, a, b, la);
	pos = la + 100;				/* past the end */
	KUNIT_EXPECT_EQ(test, kernel_read(f, b, 10, &pos), 0);
	filp_close(f, NULL);
	kfree(a);
	kfree(b);
}

static struct kunit_case proc_cases[] = {
	KUNIT_CASE(proc_files_have_linux_first_lines),
	KUNIT_CASE(proc_uptime_format),
	KUNIT_CASE(proc_meminfo_total_is_managed_memory),
	KUNIT_CASE(proc_cpuinfo_block_per_cpu),
	KUNIT_CASE(proc_pid_files_of_this_task),
	KUNIT_CASE(proc_pid_files_of_a_process),
	KUNIT_CASE(proc_long_texts_are_whole),
	KUNIT_CASE(proc_self_is_the_callers_directory),
	KUNIT_CASE(proc_missing_entries),
	KUNIT_CASE(proc_pid_dir_of_exited_task),
	KUNIT_CASE(proc_listings),
	KUNIT_CASE(proc_reads_at_offsets),
	{}
};

static struct kunit_suite proc_suite = {
	.name = "proc",
	.test_cases = proc_cases,
};
kunit_test_suite(proc_suite);
