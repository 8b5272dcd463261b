/*
 * usertests: the edu driver's user interface (include/uapi/linux/edu.h)
 * through /dev/edu0.  Every case skips when there is no /dev/edu0 (no
 * edu device in the machine, or a kernel without the driver, Linux
 * included).
 *
 * The copied path (lseek, read, write): data back as written at the
 * window's edges, the short write and read at its end, ENOSPC and end
 * of file at 4096, lseek's limits.  The zero-copy path (EDU_IOC_DMA):
 * data both ways and crossed with the copied path, from buffers that
 * start anywhere in a page; EFAULT for read-only and bad memory with
 * the device's buffer left as it was; EINVAL for offsets, lengths and
 * directions outside the interface; len 0 doing nothing.  The factorial
 * unit's 32-bit results, the counters of EDU_IOC_INFO, ENOTTY for
 * unknown requests.  Processes: concurrent writers on their own
 * regions, one killed while another's transfers go on, and a fork that
 * leaves a buffer shared copy-on-write when the parent pins it.
 *
 * Every transfer takes about 100 ms of QEMU's time, so cases keep to a
 * few dozen.  Cases that pin pages check that /proc/vmstat's
 * nr_foll_pin_acquired and nr_foll_pin_released moved together.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/edu.h>

#include "usertests.h"

#define EDU_DEV		"/dev/edu0"
#define PAGE		4096
/*
 * The bytes of the device's buffer the driver serves: /dev/edu0's size
 * (4095 under QEMU before 8.0, see <linux/edu.h>), set by edu_open().
 */
static long edu_window = EDU_BUF_SIZE;
#define WINDOW		edu_window

/* ---- helpers ---------------------------------------------------------- */

/* /dev/edu0 open read-write; the case skips when there is none. */
static int edu_open(void)
{
	struct stat st;
	int fd;

	if (stat(EDU_DEV, &st) < 0)
		ut_skip("no " EDU_DEV " (no edu device or no driver)");
	fd = open(EDU_DEV, O_RDWR);
	if (fd < 0) {
		ut_fail(__FILE__, __LINE__, "open(" EDU_DEV ") failed: %s",
			ut_errno_name(errno));
		ut_end();
	}
	edu_window = lseek(fd, 0, SEEK_END);
	if (edu_window < 1 || edu_window > EDU_BUF_SIZE) {
		ut_fail(__FILE__, __LINE__, "lseek(SEEK_END) gave %ld",
			edu_window);
		ut_end();
	}
	return fd;
}

/* Bytes that differ from one seed to another and along the buffer. */
static void pattern(unsigned char *p, size_t len, uint32_t seed)
{
	uint32_t x = seed * 2654435761u + 1;
	size_t i;

	for (i = 0; i < len; i++) {
		x = x * 1103515245u + 12345u;
		p[i] = x >> 23;
	}
}

/* Anonymous read-write pages; a failure ends the case. */
static unsigned char *map_pages(int pages)
{
	void *p = mmap(NULL, (size_t)pages * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		ut_fail(__FILE__, __LINE__, "mmap of %d pages failed: %s",
			pages, ut_errno_name(errno));
		ut_end();
	}
	return p;
}

/* lseek() to off, then write(); what write() returned (or -1). */
static ssize_t dev_write(int fd, off_t off, const void *buf, size_t len)
{
	if (lseek(fd, off, SEEK_SET) != off)
		return -1;
	return write(fd, buf, len);
}

static ssize_t dev_read(int fd, off_t off, void *buf, size_t len)
{
	if (lseek(fd, off, SEEK_SET) != off)
		return -1;
	return read(fd, buf, len);
}

/* EDU_IOC_DMA; the ioctl's result, *bounced from the driver if asked. */
static int dma(int fd, int dir, const void *addr, uint32_t off,
	       uint32_t len, uint32_t *bounced)
{
	struct edu_dma req = {
		.addr = (uintptr_t)addr, .len = len, .offset = off,
		.direction = dir, .bounced = 0xdead,
	};
	int ret = ioctl(fd, EDU_IOC_DMA, &req);

	if (bounced)
		*bounced = req.bounced;
	return ret;
}

/* A failure at the first byte where got and want differ. */
#define EXPECT_SAME(got, want, len) \
	expect_same(__FILE__, __LINE__, #got, (got), (want), (len))
static void expect_same(const char *file, int line, const char *what,
			const unsigned char *got, const unsigned char *want,
			size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (got[i] != want[i]) {
			ut_fail(file, line, "%s: byte %zu of %zu is 0x%02x, "
				"expected 0x%02x", what, i, len, got[i],
				want[i]);
			return;
		}
	}
}

/* The device's bytes [off, off + len) must be want (read, copied). */
#define EXPECT_DEVICE(fd, off, want, len) \
	expect_device(__FILE__, __LINE__, (fd), (off), (want), (len))
static void expect_device(const char *file, int line, int fd, off_t off,
			  const unsigned char *want, size_t len)
{
	static unsigned char got[EDU_BUF_SIZE];
	ssize_t n = dev_read(fd, off, got, len);

	if (n != (ssize_t)len) {
		ut_fail(file, line, "reading %zu bytes at %ld back gave %zd "
			"(%s)", len, (long)off, n, ut_errno_name(errno));
		return;
	}
	expect_same(file, line, "the device's buffer", got, want, len);
}

/*
 * Pins held: nr_foll_pin_acquired - nr_foll_pin_released of
 * /proc/vmstat, or -1 when the kernel has no such lines.
 */
static long long pins_held(void)
{
	long long acquired = -1, released = -1;
	char line[128];
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "nr_foll_pin_acquired ", 21))
			acquired = strtoll(line + 21, NULL, 10);
		else if (!strncmp(line, "nr_foll_pin_released ", 21))
			released = strtoll(line + 21, NULL, 10);
	}
	fclose(f);
	return acquired < 0 || released < 0 ? -1 : acquired - released;
}

/* Every pin taken since pins_held() gave before has been released. */
static void expect_pins_back(long long before)
{
	if (before >= 0)
		EXPECT_MSG(pins_held() == before, "Expected the pins held to "
			   "come back to %lld, got %lld", before, pins_held());
}

static int get_info(int fd, struct edu_info *info)
{
	return ioctl(fd, EDU_IOC_INFO, info);
}

/* ---- the copied path: read, write, lseek ------------------------------ */

void test_edu_copy_roundtrip(void)
{
	static unsigned char out[EDU_BUF_SIZE], in[EDU_BUF_SIZE];
	int fd = edu_open();
	const struct { off_t off; size_t len; } spans[] = {
		{ 0, 1 }, { 0, WINDOW }, { WINDOW - 3, 3 }, { 1001, 1500 },
	};
	size_t i, j;

	for (i = 0; i < sizeof(spans) / sizeof(spans[0]); i++) {
		off_t off = spans[i].off;
		size_t len = spans[i].len;

		pattern(out, len, i + 1);
		for (j = 0; j < len; j++)
			in[j] = ~out[j];
		EXPECT_EQ(dev_write(fd, off, out, len), len);
		EXPECT_EQ(lseek(fd, 0, SEEK_CUR), off + len);
		EXPECT_EQ(dev_read(fd, off, in, len), len);
		EXPECT_EQ(lseek(fd, 0, SEEK_CUR), off + len);
		EXPECT_SAME(in, out, len);
	}
	close(fd);
}

void test_edu_write_short_at_end(void)
{
	unsigned char out[10], in[10];
	int fd = edu_open();

	pattern(out, sizeof(out), 21);
	memset(in, 0, sizeof(in));
	EXPECT_EQ(dev_write(fd, WINDOW - 6, out, 10), 6);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), WINDOW);
	EXPECT_EQ(dev_read(fd, WINDOW - 6, in, 10), 6);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), WINDOW);
	EXPECT_SAME(in, out, 6);
	close(fd);
}

void test_edu_write_at_end_enospc(void)
{
	unsigned char last = 0x5c, byte = 0xa3;
	int fd = edu_open();

	EXPECT_EQ(dev_write(fd, WINDOW - 1, &last, 1), 1);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), WINDOW);
	EXPECT_ERRNO(write(fd, &byte, 1), ENOSPC);
	EXPECT_ERRNO(write(fd, &byte, 100), ENOSPC);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), WINDOW);
	EXPECT_DEVICE(fd, WINDOW - 1, &last, 1);
	close(fd);
}

void test_edu_read_at_end_eof(void)
{
	unsigned char buf[16];
	int fd = edu_open();

	memset(buf, 0x77, sizeof(buf));
	EXPECT_EQ(dev_read(fd, WINDOW, buf, sizeof(buf)), 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), WINDOW);
	EXPECT_EQ(buf[0], 0x77);
	EXPECT_EQ(dev_read(fd, WINDOW - 1, buf, sizeof(buf)), 1);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
	close(fd);
}

/* No transfer: only the file position moves. */
void test_edu_lseek(void)
{
	int fd = edu_open();

	EXPECT_EQ(lseek(fd, 0, SEEK_END), WINDOW);
	EXPECT_EQ(lseek(fd, -96, SEEK_END), WINDOW - 96);
	EXPECT_EQ(lseek(fd, 10, SEEK_SET), 10);
	EXPECT_EQ(lseek(fd, 5, SEEK_CUR), 15);
	EXPECT_EQ(lseek(fd, WINDOW, SEEK_SET), WINDOW);
	EXPECT_EQ(lseek(fd, 15, SEEK_SET), 15);
	EXPECT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERRNO(lseek(fd, -16, SEEK_CUR), EINVAL);
	EXPECT_ERRNO(lseek(fd, -(WINDOW + 1), SEEK_END), EINVAL);
	EXPECT_ERRNO(lseek(fd, 0, 7), EINVAL);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 15);
	close(fd);
}

/* ---- the zero-copy path: EDU_IOC_DMA ---------------------------------- */

void test_edu_zero_copy_roundtrip(void)
{
	unsigned char *src = map_pages(3), *dst = map_pages(3);
	long long pins = pins_held();
	int fd = edu_open();
	/* User buffers starting anywhere in a page, some crossing pages. */
	const struct {
		size_t addr;		/* offset in the mapping */
		uint32_t off, len;	/* in the window */
	} zc_spans[] = {
		{ 0, 0, WINDOW },			/* one whole page */
		{ PAGE - 96, 100, 3000 },		/* across a page boundary */
		{ PAGE - 1, WINDOW - 1, 1 },		/* the last byte */
		{ 2 * PAGE - 2048, 0, WINDOW },		/* two half pages */
	};
	uint32_t bounced;
	size_t i, j;

	for (i = 0; i < sizeof(zc_spans) / sizeof(zc_spans[0]); i++) {
		unsigned char *s = src + zc_spans[i].addr;
		unsigned char *d = dst + zc_spans[i].addr;
		uint32_t off = zc_spans[i].off, len = zc_spans[i].len;

		pattern(s, len, 31 + i);
		for (j = 0; j < len; j++)
			d[j] = ~s[j];
		EXPECT_EQ(dma(fd, EDU_DMA_TO_DEVICE, s, off, len, &bounced), 0);
		EXPECT_MSG(bounced <= 2, "bounced %u segments of at most 2",
			   bounced);
		EXPECT_EQ(dma(fd, EDU_DMA_FROM_DEVICE, d, off, len, NULL), 0);
		EXPECT_SAME(d, s, len);
		EXPECT_DEVICE(fd, off, s, len);
	}
	expect_pins_back(pins);
	close(fd);
}

/* Written one way, read back the other. */
void test_edu_zero_copy_mixed_paths(void)
{
	unsigned char *buf = map_pages(2);
	static unsigned char data[EDU_BUF_SIZE];
	int fd = edu_open();

	pattern(data, 2000, 41);
	EXPECT_EQ(dev_write(fd, 1000, data, 2000), 2000);
	memset(buf, 0, 2 * PAGE);
	EXPECT_EQ(dma(fd, EDU_DMA_FROM_DEVICE, buf + 3000, 1000, 2000, NULL),
		  0);
	EXPECT_SAME(buf + 3000, data, 2000);

	pattern(buf + 100, 3000, 42);
	EXPECT_EQ(dma(fd, EDU_DMA_TO_DEVICE, buf + 100, 50, 3000, NULL), 0);
	EXPECT_DEVICE(fd, 50, buf + 100, 3000);
	close(fd);
}

/*
 * The device may not write where the process may not: a read-only
 * mapping gives EFAULT for device-to-memory and is left as it was; the
 * other way, reading it is all the transfer needs.
 */
void test_edu_zero_copy_readonly(void)
{
	unsigned char *ro = mmap(NULL, PAGE, PROT_READ,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *buf = map_pages(1);
	static unsigned char want[PAGE];
	long long pins = pins_held();
	int fd = edu_open();

	ASSERT_TRUE(ro != MAP_FAILED);
	pattern(want, PAGE, 51);
	EXPECT_EQ(dev_write(fd, 0, want, WINDOW), WINDOW);
	EXPECT_ERRNO(dma(fd, EDU_DMA_FROM_DEVICE, ro, 0, 100, NULL), EFAULT);
	EXPECT_EQ(ro[0], 0);

	pattern(buf, PAGE, 52);
	memcpy(want, buf, PAGE);
	ASSERT_OK(mprotect(buf, PAGE, PROT_READ));
	EXPECT_ERRNO(dma(fd, EDU_DMA_FROM_DEVICE, buf + 10, 0, 100, NULL),
		     EFAULT);
	EXPECT_SAME(buf, want, PAGE);
	EXPECT_EQ(dma(fd, EDU_DMA_TO_DEVICE, buf, 0, WINDOW, NULL), 0);
	EXPECT_DEVICE(fd, 0, want, WINDOW);
	expect_pins_back(pins);
	close(fd);
}

/*
 * Bad pointers give EFAULT on every way in, the file position and the
 * device's buffer stay as they were, and nothing stays pinned.
 */
void test_edu_efault(void)
{
	static const uintptr_t bad[] = {
		0, UT_UNMAPPED, UT_KERNEL_LOW, UT_KERNEL_TEXT,
	};
	static unsigned char want[EDU_BUF_SIZE];
	unsigned char *edge = map_pages(2);
	long long pins = pins_held();
	int fd = edu_open();
	size_t i;

	pattern(want, WINDOW, 61);
	ASSERT_TRUE(dev_write(fd, 0, want, WINDOW) == WINDOW);
	ASSERT_OK(munmap(edge + PAGE, PAGE));	/* a range off its end */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		void *p = (void *)bad[i];

		ut_diag("address %#lx", (unsigned long)bad[i]);
		EXPECT_EQ(lseek(fd, 100, SEEK_SET), 100);
		EXPECT_ERRNO(write(fd, p, 100), EFAULT);
		EXPECT_ERRNO(read(fd, p, 100), EFAULT);
		EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 100);
		EXPECT_ERRNO(ioctl(fd, EDU_IOC_DMA, p), EFAULT);
		EXPECT_ERRNO(ioctl(fd, EDU_IOC_FACT, p), EFAULT);
		EXPECT_ERRNO(ioctl(fd, EDU_IOC_INFO, p), EFAULT);
		EXPECT_ERRNO(dma(fd, EDU_DMA_TO_DEVICE, p, 0, 100, NULL),
			     EFAULT);
		EXPECT_ERRNO(dma(fd, EDU_DMA_FROM_DEVICE, p, 0, 100, NULL),
			     EFAULT);
	}
	EXPECT_ERRNO(dma(fd, EDU_DMA_TO_DEVICE, edge + PAGE - 100, 0, 200,
			 NULL), EFAULT);
	EXPECT_ERRNO(dma(fd, EDU_DMA_FROM_DEVICE, edge + PAGE - 100, 0, 200,
			 NULL), EFAULT);
	EXPECT_DEVICE(fd, 0, want, WINDOW);
	expect_pins_back(pins);
	close(fd);
}

/* len 0 moves nothing and checks nothing more: 0, none bounced. */
void test_edu_dma_len0(void)
{
	unsigned char *buf = map_pages(1);
	uint32_t bounced;
	int fd = edu_open();

	EXPECT_EQ(dma(fd, EDU_DMA_TO_DEVICE, buf, 0, 0, &bounced), 0);
	EXPECT_EQ(bounced, 0);
	EXPECT_EQ(dma(fd, EDU_DMA_FROM_DEVICE, buf, WINDOW, 0, &bounced), 0);
	EXPECT_EQ(bounced, 0);
	EXPECT_EQ(dma(fd, EDU_DMA_FROM_DEVICE, NULL, 100, 0, NULL), 0);
	close(fd);
}

/* Outside the window or the two directions: EINVAL, nothing moved. */
void test_edu_dma_einval(void)
{
	unsigned char *buf = map_pages(2);
	long long pins = pins_held();
	struct edu_dma req;
	int fd = edu_open();
	const struct { uint32_t off, len; } bad[] = {
		{ 4000, 200 }, { 0, WINDOW + 1 }, { WINDOW, 1 },
		{ WINDOW + 1, 0 }, { 0xffffffffu, 2 }, { 2, 0xffffffffu },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_ERRNO(dma(fd, EDU_DMA_TO_DEVICE, buf, bad[i].off,
				 bad[i].len, NULL), EINVAL);
		EXPECT_ERRNO(dma(fd, EDU_DMA_FROM_DEVICE, buf, bad[i].off,
				 bad[i].len, NULL), EINVAL);
	}
	memset(&req, 0, sizeof(req));
	req.addr = (uintptr_t)buf;
	req.len = 100;
	req.direction = 2;
	EXPECT_ERRNO(ioctl(fd, EDU_IOC_DMA, &req), EINVAL);
	req.direction = 0xffffffffu;
	EXPECT_ERRNO(ioctl(fd, EDU_IOC_DMA, &req), EINVAL);
	expect_pins_back(pins);
	close(fd);
}

/* ---- the other requests ----------------------------------------------- */

void test_edu_unknown_ioctl(void)
{
	struct edu_dma req;
	int fd = edu_open();

	memset(&req, 0, sizeof(req));
	EXPECT_ERRNO(ioctl(fd, _IO(EDU_IOC_MAGIC, 0), &req), ENOTTY);
	EXPECT_ERRNO(ioctl(fd, _IOWR(EDU_IOC_MAGIC, 99, struct edu_dma),
			   &req), ENOTTY);
	/* A known number with the wrong size or direction is another one. */
	EXPECT_ERRNO(ioctl(fd, _IOWR(EDU_IOC_MAGIC, 2, __u64), &req), ENOTTY);
	EXPECT_ERRNO(ioctl(fd, _IOR(EDU_IOC_MAGIC, 1, struct edu_fact), &req),
		     ENOTTY);
	EXPECT_ERRNO(ioctl(fd, 0x5401 /* TCGETS */, &req), ENOTTY);
	close(fd);
}

/* The device's 32-bit factorial: exact up to 12!, then modulo 2^32. */
void test_edu_fact(void)
{
	static const struct { __u32 n, result; } facts[] = {
		{ 0, 1 }, { 1, 1 }, { 5, 120 }, { 12, 479001600u },
		{ 13, 1932053504u }, { 20, 2192834560u }, { 34, 0 },
	};
	struct edu_fact f;
	int fd = edu_open();
	size_t i;

	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
		f.n = facts[i].n;
		f.result = 0xdeadbeef;
		EXPECT_EQ(ioctl(fd, EDU_IOC_FACT, &f), 0);
		EXPECT_EQ(f.n, facts[i].n);
		EXPECT_MSG(f.result == facts[i].result, "Expected %u! = %u, "
			   "got %u", facts[i].n, facts[i].result, f.result);
	}
	close(fd);
}

/* The identity, the settings in range, and each counter counting. */
void test_edu_info(void)
{
	unsigned char *buf = map_pages(1);
	struct edu_info a, b, c;
	struct edu_fact f = { .n = 3 };
	int fd = edu_open();

	ASSERT_OK(get_info(fd, &a));
	EXPECT_EQ(a.vendor, 0x1234);
	EXPECT_EQ(a.device, 0x11e8);
	EXPECT_EQ(a.revision, 0x10);
	EXPECT_EQ(a.id >> 16, 0x0100);	/* version 1.0 */
	EXPECT_MSG(a.dma_bits >= 24 && a.dma_bits <= 64, "dma_bits %u",
		   a.dma_bits);
	EXPECT_MSG(a.irq_mode <= EDU_IRQ_POLL, "irq_mode %u", a.irq_mode);
	EXPECT_TRUE(a.timeout_ms > 0);

	pattern(buf, 100, 71);
	EXPECT_EQ(dev_write(fd, 0, buf, 100), 100);
	ASSERT_OK(get_info(fd, &b));
	EXPECT_EQ(b.transfers_to_device - a.transfers_to_device, 1);
	EXPECT_EQ(b.bytes_to_device - a.bytes_to_device, 100);
	EXPECT_EQ(b.copied - a.copied, 1);
	EXPECT_EQ(b.zero_copy - a.zero_copy, 0);
	EXPECT_EQ(b.bounced + b.direct - a.bounced - a.direct, 1);

	EXPECT_EQ(dma(fd, EDU_DMA_FROM_DEVICE, buf + 8, 0, 100, NULL), 0);
	EXPECT_EQ(ioctl(fd, EDU_IOC_FACT, &f), 0);
	ASSERT_OK(get_info(fd, &c));
	EXPECT_EQ(c.transfers_from_device - b.transfers_from_device, 1);
	EXPECT_EQ(c.bytes_from_device - b.bytes_from_device, 100);
	EXPECT_EQ(c.zero_copy - b.zero_copy, 1);
	EXPECT_EQ(c.copied - b.copied, 0);
	EXPECT_EQ(c.bounced + c.direct - b.bounced - b.direct, 1);
	EXPECT_EQ(c.factorials - b.factorials, 1);
	EXPECT_EQ(c.timeouts, a.timeouts);
	close(fd);
}

/* ---- processes -------------------------------------------------------- */

/*
 * Write the region [off, off + len) and read it back, round times,
 * alternating the paths, each process with its own open file (a shared
 * one would share the file position).  Exits 0, or 1 on a difference.
 */
static void region_rounds(uint32_t off, uint32_t len, int rounds,
			  uint32_t seed, int notify_fd)
{
	unsigned char *out = map_pages(1), *in = map_pages(1);
	int fd = open(EDU_DEV, O_RDWR), r;
	size_t i;

	ASSERT_OK(fd);
	for (r = 0; r < rounds; r++) {
		pattern(out, len, seed + r);
		for (i = 0; i < len; i++)
			in[i] = ~out[i];
		if (r & 1)
			EXPECT_EQ(dma(fd, EDU_DMA_TO_DEVICE, out, off, len,
				      NULL), 0);
		else
			EXPECT_EQ(dev_write(fd, off, out, len), len);
		if (r & 2)
			EXPECT_EQ(dev_read(fd, off, in, len), len);
		else
			EXPECT_EQ(dma(fd, EDU_DMA_FROM_DEVICE, in, off, len,
				      NULL), 0);
		EXPECT_SAME(in, out, len);
		if (notify_fd >= 0 && write(notify_fd, "r", 1) != 1)
			ut_diag("could not report round %d", r);
	}
	close(fd);
	ut_end();
}

#define WRITERS		4
#define WRITER_ROUNDS	3

/* Each writer its own quarter; at the end each quarter is its last. */
void test_edu_concurrent_writers(void)
{
	static unsigned char want[EDU_BUF_SIZE];
	long long pins = pins_held();
	pid_t pid[WRITERS];
	int fd = edu_open(), w;
	uint32_t len = WINDOW / WRITERS;

	for (w = 0; w < WRITERS; w++) {
		pid[w] = ut_fork();
		if (pid[w] == 0)
			region_rounds(w * len, len, WRITER_ROUNDS, 100 * w, -1);
	}
	for (w = 0; w < WRITERS; w++) {
		EXPECT_EXIT(ut_wait(pid[w]), 0);
		pattern(want + w * len, len, 100 * w + WRITER_ROUNDS - 1);
	}
	EXPECT_DEVICE(fd, 0, want, WRITERS * len);
	expect_pins_back(pins);
	close(fd);
}

/* Transfers into the first half until killed; a byte on notify_fd each. */
static void __attribute__((noreturn)) victim(int notify_fd)
{
	unsigned char *buf = map_pages(1);
	int fd = open(EDU_DEV, O_RDWR), i;

	for (i = 0;; i++) {
		pattern(buf, WINDOW / 2, 200 + i);
		if (dma(fd, i & 1, buf, 0, WINDOW / 2, NULL) < 0)
			ut_diag("victim: transfer %d: %s", i,
				ut_errno_name(errno));
		if (write(notify_fd, "v", 1) != 1)
			_exit(1);
	}
}

/*
 * A process killed with SIGKILL while another one's transfers go on:
 * the other finishes every round with its data intact, the device works
 * afterwards, and the killed one's pins are all released.
 */
void test_edu_kill_during_transfer(void)
{
	static unsigned char half[EDU_BUF_SIZE / 2];
	int fd = edu_open(), vpipe[2], spipe[2];
	long long pins = pins_held();
	pid_t survivor, killed;
	char c;

	ASSERT_OK(pipe(vpipe));
	ASSERT_OK(pipe(spipe));
	survivor = ut_fork();
	if (survivor == 0)
		region_rounds(WINDOW / 2, WINDOW / 2, 6, 300, spipe[1]);
	killed = ut_fork();
	if (killed == 0)
		victim(vpipe[1]);
	/* Both have made a transfer and are (most likely) in the next. */
	EXPECT_EQ(read(spipe[0], &c, 1), 1);
	EXPECT_EQ(read(vpipe[0], &c, 1), 1);
	EXPECT_EQ(read(vpipe[0], &c, 1), 1);
	ASSERT_OK(kill(killed, SIGKILL));
	EXPECT_KILLED(ut_wait(killed), SIGKILL);
	EXPECT_EXIT(ut_wait(survivor), 0);

	pattern(half, sizeof(half), 400);
	EXPECT_EQ(dev_write(fd, 0, half, sizeof(half)), sizeof(half));
	EXPECT_DEVICE(fd, 0, half, sizeof(half));
	expect_pins_back(pins);
	close(fd);
}

/* Child: on the go byte, check or overwrite its copy of buf, then exit. */
static void __attribute__((noreturn)) cow_child(int go_fd, unsigned char *buf,
						const unsigned char *want,
						int overwrite)
{
	char c;
	int i;

	if (read(go_fd, &c, 1) != 1)
		_exit(2);
	if (overwrite)
		memset(buf, 0x5a, WINDOW);
	for (i = 0; i < 5 && !overwrite; i++) {
		EXPECT_SAME(buf, want, WINDOW);	/* while the DMA goes on */
		ut_msleep(10);
	}
	ut_end();
}

/*
 * A buffer shared copy-on-write with a child when the parent pins it
 * for zero-copy DMA (the CVE-2020-29374 case): the device's data goes
 * to the parent's pages only, the child keeps seeing its own, and data
 * from the parent's pages reaches the device even when the child writes
 * its copy; the child exits while the transfer runs.  (A fork during
 * the transfer itself would need a second thread of the process.)
 */
void test_edu_fork_cow_pinned(void)
{
	static unsigned char dev_data[EDU_BUF_SIZE], mine[EDU_BUF_SIZE];
	unsigned char *buf = map_pages(2) + PAGE / 2;	/* across two pages */
	long long pins = pins_held();
	int fd = edu_open(), go[2], dir;
	pid_t pid;

	for (dir = EDU_DMA_FROM_DEVICE; dir >= EDU_DMA_TO_DEVICE; dir--) {
		pattern(dev_data, WINDOW, 500 + dir);
		EXPECT_EQ(dev_write(fd, 0, dev_data, WINDOW), WINDOW);
		pattern(mine, WINDOW, 510 + dir);
		memcpy(buf, mine, WINDOW);
		ASSERT_OK(pipe(go));
		pid = ut_fork();
		if (pid == 0)
			cow_child(go[0], buf, mine, dir == EDU_DMA_TO_DEVICE);
		EXPECT_EQ(write(go[1], "g", 1), 1);
		EXPECT_EQ(dma(fd, dir, buf, 0, WINDOW, NULL), 0);
		EXPECT_EXIT(ut_wait(pid), 0);
		if (dir == EDU_DMA_FROM_DEVICE) {
			EXPECT_SAME(buf, dev_data, WINDOW);
		} else {
			EXPECT_SAME(buf, mine, WINDOW);
			EXPECT_DEVICE(fd, 0, mine, WINDOW);
		}
		close(go[0]);
		close(go[1]);
	}
	expect_pins_back(pins);
	close(fd);
}
