/*
 * edu: the QEMU edu device from the shell, through the edu driver's
 * /dev/eduN files (include/uapi/linux/edu.h, docs/user.md).
 *
 *	edu info [-d DEV]
 *	edu fact [-d DEV] N
 *	edu write [-d DEV] [-o OFF] [-z | --zero-copy] [-v] FILE|-
 *	edu read [-d DEV] [-o OFF] [-n LEN] [-z | --zero-copy] [-v]
 *	edu -h | --help
 *
 * info prints what EDU_IOC_INFO reports, one block per device (every
 * /dev/eduN in number order without -d).  fact prints "N! = RESULT", the
 * device's 32-bit result, with "(mod 2^32)" from 13 on, where the true
 * value no longer fits.  write sends a file (or standard input) to the
 * device's buffer at OFF; input longer than the bytes left in the window
 * the driver serves (4095 or 4096, the file's size) is refused whole,
 * nothing written.  read copies LEN bytes (to
 * the end of the window by default) from OFF to standard output, raw.
 * Both move the data with lseek() + read()/write() (the driver copies
 * through a buffer of its own), or with -z straight between the device
 * and this program's pages (EDU_IOC_DMA); -v reports the transfer:
 *
 *	wrote 300 bytes to /dev/edu0 at offset 16 (copied), bounced: no, 101 ms
 *
 * on standard output for write, on standard error for read (whose
 * standard output is the data).  DEV is "edu0", "0" or "/dev/edu0"
 * (default /dev/edu0).  A failing call is reported as "edu: WHAT:
 * reason" with exit status 1; bad usage exits 2; -h prints the usage
 * on standard output and exits 0.
 */
#include <dirent.h>
#include <edu_dev.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <linux/edu.h>

#define DEFAULT_DEV	"/dev/edu0"
#define MAX_DEVICES	64
#define PATH_LEN	EDU_PATH_LEN

struct options {
	char dev[PATH_LEN];
	int have_dev;		/* -d given */
	long off, len;		/* len -1: to the end of the window */
	int zero_copy, verbose;
};

/* One transfer between buf and the device at off. */
struct xfer {
	int fd;
	const char *path;
	int direction;		/* EDU_DMA_TO_DEVICE or EDU_DMA_FROM_DEVICE */
	unsigned char *buf;
	size_t off, len;
	int zero_copy;
	size_t done;		/* out: bytes moved */
	int bounced;		/* out: any segment bounced; -1 unknown */
	long ms;		/* out: time taken */
};

static const char usage_text[] =
	"usage: edu info [-d DEV]\n"
	"       edu fact [-d DEV] N\n"
	"       edu write [-d DEV] [-o OFF] [-z | --zero-copy] [-v] FILE|-\n"
	"       edu read [-d DEV] [-o OFF] [-n LEN] [-z | --zero-copy] [-v]\n"
	"       edu -h | --help\n"
	"DEV: edu0, 0 or /dev/edu0 (default /dev/edu0); OFF and LEN: 0..4096\n";

static int usage(void)
{
	fputs(usage_text, stderr);
	return 2;
}

static int help(void)
{
	fputs(usage_text, stdout);
	return 0;
}

/* "edu: WHAT: reason" from errno; the exit status 1. */
static int fail(const char *what)
{
	fprintf(stderr, "edu: %s: %s\n", what, strerror(errno));
	return 1;
}

/* A decimal (or 0x hexadecimal) number from 0 to max into *v; or -1. */
static int parse_number(const char *s, long max, long *v)
{
	int base = (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10;
	char *end;

	errno = 0;
	*v = strtol(s, &end, base);
	if (end == s || *end || errno || *v < 0 || *v > max)
		return -1;
	return 0;
}

static int bad_number(const char *opt, const char *arg, long max)
{
	fprintf(stderr, "edu: %s %s: must be a number from 0 to %ld\n",
		opt, arg, max);
	return usage();
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* ---- options ---------------------------------------------------------- */

static const struct option transfer_options[] = {
	{ "zero-copy", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const struct option plain_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* One option that optstring allowed; 0, or 2 for a bad value. */
static int parse_option(int c, struct options *o)
{
	switch (c) {
	case 'd':
		edu_dev_path(optarg, o->dev);
		o->have_dev = 1;
		break;
	case 'o':
		if (parse_number(optarg, EDU_BUF_SIZE, &o->off))
			return bad_number("-o", optarg, EDU_BUF_SIZE);
		break;
	case 'n':
		if (parse_number(optarg, EDU_BUF_SIZE, &o->len))
			return bad_number("-n", optarg, EDU_BUF_SIZE);
		break;
	case 'z':
		o->zero_copy = 1;
		break;
	case 'v':
		o->verbose = 1;
		break;
	}
	return 0;
}

/*
 * Parse the options of the command in argv[1], as optstring allows
 * them; then argv[optind] is its first operand.  Returns 0, 2 for bad
 * usage (reported), or -1 after -h printed the usage.
 */
static int parse_options(int argc, char **argv, const char *optstring,
			 struct options *o)
{
	const struct option *longopts = strchr(optstring, 'z') ?
					transfer_options : plain_options;
	int c, ret;

	memset(o, 0, sizeof(*o));
	snprintf(o->dev, PATH_LEN, "%s", DEFAULT_DEV);
	o->len = -1;
	argv[1] = (char *)"edu";	/* getopt's messages start "edu: " */
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, optstring, longopts,
				NULL)) != -1) {
		if (c == 'h')
			return help() - 1;
		if (c == '?')
			return usage();
		ret = parse_option(c, o);
		if (ret)
			return ret;
	}
	optind++;		/* getopt counted from argv + 1 */
	return 0;
}

/* ---- info and fact ---------------------------------------------------- */

static const struct {
	const char *label;
	size_t offset;
} counters[] = {
	{ "transfers to device", offsetof(struct edu_info, transfers_to_device) },
	{ "transfers from device", offsetof(struct edu_info, transfers_from_device) },
	{ "bytes to device", offsetof(struct edu_info, bytes_to_device) },
	{ "bytes from device", offsetof(struct edu_info, bytes_from_device) },
	{ "mappings bounced", offsetof(struct edu_info, bounced) },
	{ "mappings direct", offsetof(struct edu_info, direct) },
	{ "zero-copy transfers", offsetof(struct edu_info, zero_copy) },
	{ "copied transfers", offsetof(struct edu_info, copied) },
	{ "timeouts", offsetof(struct edu_info, timeouts) },
	{ "factorials", offsetof(struct edu_info, factorials) },
};

static const char *irq_mode_name(unsigned int mode)
{
	static const char *const names[] = {
		[EDU_IRQ_MSI] = "msi", [EDU_IRQ_INTX] = "intx",
		[EDU_IRQ_POLL] = "poll",
	};

	return mode < sizeof(names) / sizeof(names[0]) ? names[mode] : "unknown";
}

static void print_info(const char *path, const struct edu_info *info)
{
	size_t i;

	printf("%s: %04x:%04x rev %02x\n", path, info->vendor, info->device,
	       info->revision);
	printf("  %-22s 0x%08x (version %u.%u)\n", "identification:",
	       info->id, info->id >> 24, (info->id >> 16) & 0xff);
	printf("  %-22s %u bits\n", "DMA mask:", info->dma_bits);
	printf("  %-22s %s\n", "interrupts:", irq_mode_name(info->irq_mode));
	printf("  %-22s %u ms\n", "timeout:", info->timeout_ms);
	printf("  %-22s %u of %d bytes\n", "window:", info->window_bytes,
	       EDU_BUF_SIZE);
	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++) {
		const __u64 *v = (const void *)((const char *)info +
						counters[i].offset);
		char label[32];

		snprintf(label, sizeof(label), "%s:", counters[i].label);
		printf("  %-22s %llu\n", label, (unsigned long long)*v);
	}
}

/* EDU_IOC_INFO of the device at path into *info; 0 or 1 (reported). */
static int get_info(const char *path, struct edu_info *info)
{
	int fd = open(path, O_RDONLY);
	int ret = 0;

	if (fd < 0)
		return fail(path);
	if (ioctl(fd, EDU_IOC_INFO, info) < 0)
		ret = fail(path);
	close(fd);
	return ret;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The N of every /dev/eduN, sorted, into nums; how many, or -1. */
static int list_devices(int *nums, int max)
{
	DIR *dir = opendir("/dev");
	struct dirent *d;
	int n = 0;

	if (!dir)
		return -1;
	while ((d = readdir(dir)) && n < max) {
		const char *p = d->d_name + 3;

		if (strncmp(d->d_name, "edu", 3) || !*p ||
		    strspn(p, "0123456789") != strlen(p))
			continue;
		nums[n++] = atoi(p);
	}
	closedir(dir);
	qsort(nums, n, sizeof(nums[0]), cmp_int);
	return n;
}

/* Every device's block, a blank line between them. */
static int info_all(void)
{
	int nums[MAX_DEVICES], n, i, shown = 0, status = 0;
	struct edu_info info;
	char path[PATH_LEN];

	n = list_devices(nums, MAX_DEVICES);
	if (n < 0)
		return fail("/dev");
	if (n == 0) {
		fprintf(stderr, "edu: no edu devices in /dev\n");
		return 1;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/dev/edu%d", nums[i]);
		if (get_info(path, &info)) {
			status = 1;
			continue;
		}
		if (shown++)
			printf("\n");
		print_info(path, &info);
	}
	return status;
}

static int cmd_info(int argc, char **argv)
{
	struct options o;
	struct edu_info info;
	int ret = parse_options(argc, argv, "d:h", &o);

	if (ret)
		return ret < 0 ? 0 : ret;
	if (optind != argc)
		return usage();
	if (!o.have_dev)
		return info_all();
	if (get_info(o.dev, &info))
		return 1;
	print_info(o.dev, &info);
	return 0;
}

static int cmd_fact(int argc, char **argv)
{
	struct options o;
	struct edu_fact fact;
	long n;
	int fd, ret = parse_options(argc, argv, "d:h", &o);

	if (ret)
		return ret < 0 ? 0 : ret;
	if (optind != argc - 1)
		return usage();
	if (parse_number(argv[optind], UINT32_MAX, &n))
		return bad_number("fact", argv[optind], UINT32_MAX);
	fd = open(o.dev, O_RDONLY);
	if (fd < 0)
		return fail(o.dev);
	fact.n = n;
	fact.result = 0;
	if (ioctl(fd, EDU_IOC_FACT, &fact) < 0)
		ret = fail(o.dev);
	close(fd);
	if (ret)
		return ret;
	/* 13! = 6227020800 is the first that does not fit in 32 bits. */
	printf("%u! = %u%s\n", fact.n, fact.result,
	       fact.n >= 13 ? " (mod 2^32)" : "");
	return 0;
}

/* ---- transfers -------------------------------------------------------- */

/* Page-aligned memory for len bytes (zero-copy wants whole pages). */
static unsigned char *alloc_buffer(size_t len)
{
	void *p = mmap(NULL, len ? len : 1, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* lseek() + write() or read() until done; 0 or -1 with errno. */
static int xfer_copied(struct xfer *x)
{
	ssize_t n;

	if (lseek(x->fd, x->off, SEEK_SET) < 0)
		return -1;
	while (x->done < x->len) {
		if (x->direction == EDU_DMA_TO_DEVICE)
			n = write(x->fd, x->buf + x->done, x->len - x->done);
		else
			n = read(x->fd, x->buf + x->done, x->len - x->done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)	/* end of the window (read only) */
			break;
		x->done += n;
	}
	return 0;
}

static int xfer_zero_copy(struct xfer *x)
{
	struct edu_dma dma = {
		.addr = (uintptr_t)x->buf,
		.len = x->len,
		.offset = x->off,
		.direction = x->direction,
	};

	if (ioctl(x->fd, EDU_IOC_DMA, &dma) < 0)
		return -1;
	x->done = x->len;
	x->bounced = dma.bounced > 0;
	return 0;
}

/*
 * Make the transfer, timed.  With verbose, the copied path learns
 * whether it was bounced from the driver's bounced counter around it.
 * 0, or 1 after reporting the failure.
 */
static int xfer_run(struct xfer *x, int verbose)
{
	struct edu_info before, after;
	int ret;

	x->done = 0;
	x->bounced = -1;
	if (verbose && !x->zero_copy &&
	    ioctl(x->fd, EDU_IOC_INFO, &before) < 0)
		return fail(x->path);
	x->ms = now_ms();
	ret = x->zero_copy ? xfer_zero_copy(x) : xfer_copied(x);
	x->ms = now_ms() - x->ms;
	if (ret < 0)
		return fail(x->path);
	if (verbose && !x->zero_copy) {
		if (ioctl(x->fd, EDU_IOC_INFO, &after) < 0)
			return fail(x->path);
		x->bounced = after.bounced != before.bounced;
	}
	return 0;
}

static void xfer_report(FILE *f, const struct xfer *x)
{
	int to = x->direction == EDU_DMA_TO_DEVICE;

	fprintf(f, "%s %zu bytes %s %s at offset %zu (%s), bounced: %s, "
		"%ld ms\n", to ? "wrote" : "read", x->done,
		to ? "to" : "from", x->path, x->off,
		x->zero_copy ? "zero-copy" : "copied",
		x->bounced ? "yes" : "no", x->ms);
}

/*
 * Read fd to its end, keeping the first max bytes in buf; *total counts
 * every byte, kept or not.  0 or -1 with errno.
 */
static int read_all(int fd, unsigned char *buf, size_t max, size_t *total)
{
	static unsigned char scratch[4096];
	ssize_t n;

	*total = 0;
	for (;;) {
		if (*total < max)
			n = read(fd, buf + *total, max - *total);
		else
			n = read(fd, scratch, sizeof(scratch));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n;
		*total += n;
	}
}

/* The input of write: FILE or "-" into buf; 0, or 1 (reported). */
/* How messages name an input: "-" is standard input. */
static const char *input_name(const char *name)
{
	return strcmp(name, "-") ? name : "standard input";
}

static int load_input(const char *name, unsigned char *buf, size_t max,
		      size_t *len)
{
	const char *shown = input_name(name);
	int fd = strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;
	int ret;

	if (fd < 0)
		return fail(shown);
	ret = read_all(fd, buf, max, len);
	if (ret < 0)
		ret = fail(shown);
	if (fd != STDIN_FILENO)
		close(fd);
	if (!ret && *len > max) {
		fprintf(stderr, "edu: %s: larger than the device window "
			"(%zu > %zu bytes)\n", shown, *len, max);
		ret = 1;
	}
	return ret;
}

/*
 * The bytes of the buffer the driver serves (4095 under QEMU before
 * 8.0, see <linux/edu.h>); -1 with a message if off lies past them or
 * the file is no edu device.
 */
static long device_window(int fd, const char *path, long off)
{
	struct edu_info info;
	long window;

	if (ioctl(fd, EDU_IOC_INFO, &info) < 0) {
		fail(path);
		return -1;
	}
	window = info.window_bytes;
	if (off > window) {
		fprintf(stderr, "edu: %s: offset %ld is past the end of the "
			"device window (%ld bytes)\n", path, off, window);
		return -1;
	}
	return window;
}

static int cmd_write(int argc, char **argv)
{
	struct options o;
	struct xfer x = { .direction = EDU_DMA_TO_DEVICE };
	int ret = parse_options(argc, argv, "d:o:zvh", &o);
	long window;

	if (ret)
		return ret < 0 ? 0 : ret;
	if (optind != argc - 1)
		return usage();
	x.buf = alloc_buffer(EDU_BUF_SIZE);
	if (!x.buf)
		return fail("mmap");
	x.off = o.off;
	ret = load_input(argv[optind], x.buf, EDU_BUF_SIZE - o.off, &x.len);
	if (ret)
		return ret;
	x.fd = open(o.dev, O_RDWR);
	if (x.fd < 0)
		return fail(o.dev);
	window = device_window(x.fd, o.dev, o.off);
	if (window >= 0 && x.len > (size_t)(window - o.off)) {
		fprintf(stderr, "edu: %s: larger than the device window "
			"(%zu > %ld bytes)\n", input_name(argv[optind]), x.len,
			window - o.off);
		window = -1;
	}
	if (window < 0) {
		close(x.fd);
		return 1;
	}
	x.path = o.dev;
	x.zero_copy = o.zero_copy;
	ret = xfer_run(&x, o.verbose);
	close(x.fd);
	if (!ret && o.verbose)
		xfer_report(stdout, &x);
	return ret;
}

static int write_all(int fd, const unsigned char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

static int cmd_read(int argc, char **argv)
{
	struct options o;
	struct xfer x = { .direction = EDU_DMA_FROM_DEVICE };
	int ret = parse_options(argc, argv, "d:o:n:zvh", &o);
	long window;

	if (ret)
		return ret < 0 ? 0 : ret;
	if (optind != argc)
		return usage();
	if (o.len >= 0 && o.off + o.len > EDU_BUF_SIZE) {
		fprintf(stderr, "edu: -o %ld -n %ld: past the end of the "
			"device window (%d bytes)\n", o.off, o.len,
			EDU_BUF_SIZE);
		return usage();
	}
	x.fd = open(o.dev, O_RDWR);
	if (x.fd < 0)
		return fail(o.dev);
	window = device_window(x.fd, o.dev, o.off);
	if (window >= 0 && o.len < 0)
		o.len = window - o.off;
	if (window >= 0 && o.off + o.len > window) {
		fprintf(stderr, "edu: %s: -o %ld -n %ld: past the end of the "
			"device window (%ld bytes)\n", o.dev, o.off, o.len,
			window);
		window = -1;
	}
	x.buf = window < 0 ? NULL : alloc_buffer(o.len);
	if (!x.buf) {
		close(x.fd);
		return window < 0 ? 1 : fail("mmap");
	}
	x.path = o.dev;
	x.off = o.off;
	x.len = o.len;
	x.zero_copy = o.zero_copy;
	ret = xfer_run(&x, o.verbose);
	close(x.fd);
	if (ret)
		return ret;
	if (write_all(STDOUT_FILENO, x.buf, x.done) < 0)
		return fail("standard output");
	if (o.verbose)
		xfer_report(stderr, &x);
	return 0;
}

/* ---- main ------------------------------------------------------------- */

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "info", cmd_info },
	{ "fact", cmd_fact },
	{ "write", cmd_write },
	{ "read", cmd_read },
};

int main(int argc, char **argv)
{
	size_t i;
	int status;

	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return help();
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name))
			continue;
		status = commands[i].run(argc, argv);
		if (fflush(stdout))
			status = fail("standard output");
		return status;
	}
	fprintf(stderr, "edu: unknown command '%s'\n", argv[1]);
	return usage();
}
