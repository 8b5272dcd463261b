/*
 * Suites that are user programs (struct kunit_suite.program), such as
 * /bin/usertests: the program prints the suite's KTAP itself, nested as
 * a suite, and the executor prints the result line from its exit
 * status.  So that the run's "# Totals" counts the program's cases as
 * it counts any other suite's, the program's standard output is a file
 * of the executor's (program_output): each write() goes on to the
 * console, exactly as a write to /dev/console would, before it returns,
 * and the executor reads the lines it carried.  The output keeps its
 * order with the kernel's own lines (segfault reports...), as when the
 * program wrote to the console itself.  Linux KUnit has no such suites;
 * its user-space tests (kselftest) print a KTAP stream of their own.
 *
 * The counting follows the rules of the harness's KTAP reader
 * (tests/ktap.py), so that the totals agree with what it finds: the
 * result lines at the suite's depth ("    ok N", "    not ok N",
 * "    ok N ... # SKIP"), a failure for each number of the plan that
 * never got a result (a crash half-way) or for results without a plan,
 * one more when the program failed although no case did; a program
 * that reported no case at all counts as one, passed if it exited 0.
 *
 * Invariants: the program_output lives as long as its file, which the
 * executor holds until it has read the counts; a process the program
 * left running may still write to it afterwards, to the console.
 *
 * Locking: program_output->lock serialises the writers (the program and
 * its children share the file): one write() is one piece of output and
 * is counted whole.
 */
#include <kunit/test.h>
#include <linux/anon_inodes.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define KUNIT_INDENT		"    "
#define KUNIT_PROGRAM_ARGS	8
#define OUTPUT_LINE_MAX		512	/* longer lines are counted cut */
#define OUTPUT_CHUNK		512	/* bytes copied in at a time */
#define STDOUT_FILENO		1

/* The program's standard output: what it writes, and what it said. */
struct program_output {
	struct file *console;		/* /dev/console, where it goes */
	struct mutex lock;		/* protects the rest */
	char line[OUTPUT_LINE_MAX];	/* the line being written */
	size_t len;
	struct kunit_program_counts counts;
};

/* ---- counting ---- */

void kunit_program_line(struct kunit_program_counts *c, const char *line)
{
	int plan = 0;

	if (strncmp(line, KUNIT_INDENT, strlen(KUNIT_INDENT)))
		return;
	line += strlen(KUNIT_INDENT);		/* deeper lines start ' ' */
	if (!strncmp(line, "not ok ", 7)) {
		c->results[1]++;
	} else if (!strncmp(line, "ok ", 3)) {
		c->results[strstr(line, "# SKIP") ? 2 : 0]++;
	} else if (!strncmp(line, "1..", 3) && c->plan < 0) {
		for (line += 3; *line >= '0' && *line <= '9' && plan < 1000000;
		     line++)
			plan = plan * 10 + (*line - '0');
		c->plan = plan;
	}
}

void kunit_program_count(const struct kunit_program_counts *c, bool passed,
			 int stats[3])
{
	int pass = c->results[0], fail = c->results[1], skip = c->results[2];
	int reported = pass + fail + skip;

	if (!reported) {		/* no case: the suite is the one */
		stats[passed ? 0 : 1]++;
		return;
	}
	if (c->plan < 0)
		fail++;				/* results without a plan */
	else if (c->plan > reported)
		fail += c->plan - reported;	/* announced, never reported */
	if (!passed && !fail)
		fail++;				/* failed, yet no case did */
	stats[0] += pass;
	stats[1] += fail;
	stats[2] += skip;
}

/* ---- the program's standard output ---- */

/* Take n bytes of output into the lines; lock held. */
static void output_scan(struct program_output *o, const char *s, size_t n)
{
	for (; n; s++, n--) {
		if (*s != '\n' && o->len < sizeof(o->line) - 1) {
			o->line[o->len++] = *s;
			continue;
		}
		if (*s != '\n')
			continue;		/* too long: the rest is dropped */
		o->line[o->len] = '\0';
		kunit_program_line(&o->counts, o->line);
		o->len = 0;
	}
}

static ssize_t output_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *pos)
{
	struct program_output *o = file->private_data;
	char chunk[OUTPUT_CHUNK];
	size_t done = 0, n;
	ssize_t ret = 0;

	mutex_lock(&o->lock);
	while (done < count) {
		n = min(count - done, sizeof(chunk));
		n -= copy_from_user(chunk, buf + done, n);
		ret = n ? kernel_write(o->console, chunk, n, NULL) : -EFAULT;
		if (ret <= 0)
			break;
		output_scan(o, chunk, ret);
		done += ret;
		if ((size_t)ret < n)
			break;
	}
	mutex_unlock(&o->lock);
	return done ? (ssize_t)done : ret;
}

static int output_release(struct inode *inode, struct file *file)
{
	struct program_output *o = file->private_data;

	fput(o->console);
	kfree(o);
	return 0;
}

static const struct file_operations program_output_fops = {
	.write = output_write,
	.release = output_release,
};

/* A new program_output and its file (write only): the file or ERR_PTR. */
static struct file *program_output_open(void)
{
	struct program_output *o = kzalloc(sizeof(*o), GFP_KERNEL);
	struct file *file;

	if (!o)
		return ERR_PTR(-ENOMEM);
	mutex_init(&o->lock);
	o->counts.plan = -1;
	o->console = filp_open("/dev/console", O_WRONLY, 0);
	if (IS_ERR(o->console)) {
		file = o->console;
		goto out_free;
	}
	file = anon_inode_getfile("kunit_output", &program_output_fops, o,
				  O_WRONLY);
	if (!IS_ERR(file))
		return file;
	fput(o->console);
out_free:
	kfree(o);
	return file;
}

/* What the program said, once it has ended. */
static struct kunit_program_counts program_output_counts(struct file *file)
{
	struct program_output *o = file->private_data;
	struct kunit_program_counts c;

	mutex_lock(&o->lock);
	if (o->len) {			/* the last line had no newline */
		o->line[o->len] = '\0';
		kunit_program_line(&o->counts, o->line);
		o->len = 0;
	}
	c = o->counts;
	mutex_unlock(&o->lock);
	return c;
}

/* In the new process, before its program: standard output on data. */
static int stdout_to_output(void *data)
{
	int fd = get_unused_fd_flags(0);
	long ret;

	if (fd < 0)
		return fd;
	fd_install(fd, get_file(data));
	ret = sys_dup2(fd, STDOUT_FILENO);
	if (fd != STDOUT_FILENO)
		close_fd(fd);
	return ret < 0 ? ret : 0;
}

/* ---- running one ---- */

/* Run path with its output counted into *c; its wait status, or -1. */
static int run_counted(const char *path, const char *const argv[],
		       struct kunit_program_counts *c, long *pid)
{
	struct file *out = program_output_open();
	int status = -1;

	if (IS_ERR(out)) {
		*pid = PTR_ERR(out);
		return -1;
	}
	*pid = kernel_spawn_init(path, argv, stdout_to_output, out);
	if (*pid > 0 && kernel_wait4(*pid, &status, 0) != *pid)
		status = -1;
	*c = program_output_counts(out);
	fput(out);
	return status;
}

/*
 * When the filter selects only some of the program's cases ("SUITE.CASE"
 * globs), the program gets the filter as its last argument to pick them
 * itself.
 */
enum kunit_status kunit_run_program(struct kunit_suite *suite, int index,
				    const char *filter, int stats[3])
{
	struct kunit_program_counts counts = { .plan = -1 };
	const char *argv[KUNIT_PROGRAM_ARGS + 2];
	int status, n;
	long pid;
	bool ok;

	for (n = 0; n < KUNIT_PROGRAM_ARGS && suite->program[n + 1]; n++)
		argv[n] = suite->program[n + 1];
	/* "\n" is a case no glob names unless it names every case. */
	if (!kunit_filter_match(filter, suite->name, "\n"))
		argv[n++] = filter;
	argv[n] = NULL;
	status = run_counted(suite->program[0], argv, &counts, &pid);
	ok = pid > 0 && status == 0;
	if (!ok)
		printk(KERN_INFO "# %s: %s exited with status %#x (spawn: %ld)\n",
		       suite->name, suite->program[0], status, pid);
	printk(KERN_INFO "%s %d %s\n", ok ? "ok" : "not ok", index, suite->name);
	kunit_program_count(&counts, ok, stats);
	return ok ? KUNIT_SUCCESS : KUNIT_FAILURE;
}
