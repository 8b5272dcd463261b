/*
 * Tests of the edu driver (suite "edu", drivers/misc/edu.c) on the
 * machine's real edu devices: probe and the minor table, the factorial
 * unit, transfers by both paths (data checked by moving it in by one
 * path and out by the other), every refused request, a forced timeout
 * and the device working after it, each interrupt mode and a malformed
 * settings file (by rewriting /etc/edu.conf and probing again), nothing
 * left mapped or pinned after remove, and which transfers bounce: a
 * buffer above the device's 28-bit mask must, one below must not, and a
 * device widened with -device edu,dma_mask=... (named by ktest_edu_wide=
 * on the command line, with its own section in the settings) must not.
 *
 * Each DMA takes about 100 ms of QEMU time, so the cases move little.
 * A case that needs what the machine lacks (no edu device, no RAM above
 * the mask) is skipped.  Cases run one at a time and own the devices
 * while they run.
 */
#include <asm/cmdline.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/fdtable.h>
#include <linux/gfp.h>
#include <linux/gup.h>
#include <linux/iobuf.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <uapi/asm/mman.h>
#include <uapi/linux/fcntl.h>

#include "../../kernel/dma/debug.h"
#include "../../mm/test_mm.h"
#include "edu_internal.h"

#define HIGH_MASK	DMA_BIT_MASK(28)

static u8 pat(unsigned int i, int seed)
{
	return (u8)(i * 13 + seed);
}

static void fill(u8 *buf, unsigned int len, int seed)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		buf[i] = pat(i, seed);
}

/* Index of the first byte that is not pat(i, seed), or len. */
static unsigned int check(const u8 *buf, unsigned int len, int seed)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		if (buf[i] != pat(i, seed))
			break;
	return i;
}

static int edu_count_pci(void)
{
	struct pci_dev *pdev = NULL;
	int n = 0;

	while ((pdev = pci_get_device(PCI_VENDOR_ID_QEMU,
				      PCI_DEVICE_ID_QEMU_EDU, pdev)))
		n++;
	return n;
}

/* /dev/edu0's device, or skip the case. */
static struct edu_device *first_edu(struct kunit *test)
{
	struct edu_device *edu = edu_get(0);

	if (!edu)
		kunit_skip(test, "no edu device");
	return edu;
}

/* Copy len bytes in at offset and back out; 0 or the first error. */
static int round_trip(struct edu_device *edu, u8 *in, u8 *out, u32 offset,
		      u32 len, int seed)
{
	int ret;

	fill(in, len, seed);
	memset(out, 0, len);
	ret = edu_copy_to_device(edu, in, offset, len);
	if (!ret)
		ret = edu_copy_from_device(edu, out, offset, len);
	if (!ret && check(out, len, seed) != len)
		ret = -EIO;
	return ret;
}

static void edu_probe_binds_every_device(struct kunit *test)
{
	int n = edu_count_pci(), minor;

	if (!n)
		kunit_skip(test, "no edu device");
	for (minor = 0; minor < EDU_MAX_DEVICES; minor++) {
		struct edu_device *edu = edu_get(minor);
		struct edu_info info;

		if (!edu)
			break;
		KUNIT_ASSERT_EQ(test, edu_get_info(edu, &info), 0);
		KUNIT_EXPECT_EQ(test, EDU_ID_MAJOR(info.id), 1u);
		KUNIT_EXPECT_EQ(test, info.vendor, PCI_VENDOR_ID_QEMU);
		KUNIT_EXPECT_EQ(test, info.device, PCI_DEVICE_ID_QEMU_EDU);
		KUNIT_EXPECT_EQ(test, info.revision, 0x10);
		KUNIT_EXPECT_EQ(test, info.window_bytes, edu->cfg.window_bytes);
		KUNIT_EXPECT_PTR_EQ(test, edu->pdev->driver, &edu_driver);
		KUNIT_EXPECT_PTR_EQ(test, pci_get_drvdata(edu->pdev), edu);
		edu_put(edu);
	}
	KUNIT_EXPECT_EQ(test, minor, n);
}

static void edu_factorial_values(struct kunit *test)
{
	static const u32 n[] = { 0, 1, 5, 12, 13 };
	static const u32 want[] = { 1, 1, 120, 479001600, 1932053504 };
	struct edu_device *edu = first_edu(test);
	unsigned int i;
	u32 result;

	for (i = 0; i < ARRAY_SIZE(n); i++) {
		KUNIT_EXPECT_EQ(test, edu_factorial(edu, n[i], &result), 0);
		KUNIT_EXPECT_EQ(test, result, want[i]);
	}
	edu_put(edu);
}

static void edu_copied_round_trips(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	u8 *in = kmalloc(EDU_BUF_SIZE, GFP_KERNEL);
	u8 *out = kmalloc(EDU_BUF_SIZE, GFP_KERNEL);
	struct edu_info before = edu->info;

	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_ASSERT_NOT_NULL(test, out);
	u32 window = edu->cfg.window_bytes;

	KUNIT_EXPECT_EQ(test, round_trip(edu, in, out, 0, 1, 1), 0);
	KUNIT_EXPECT_EQ(test, round_trip(edu, in, out, 0, window, 2), 0);
	KUNIT_EXPECT_EQ(test, round_trip(edu, in, out, window - 3, 3, 3), 0);
	KUNIT_EXPECT_EQ(test, edu->info.transfers_to_device -
			      before.transfers_to_device, 3ull);
	KUNIT_EXPECT_EQ(test, edu->info.bytes_from_device -
			      before.bytes_from_device, window + 4ull);
	KUNIT_EXPECT_EQ(test, edu->info.copied - before.copied, 6ull);
	kfree(in);
	kfree(out);
	edu_put(edu);
}

/* Refused before the device sees anything; the counters do not move. */
static void edu_bad_requests(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	struct edu_info before = edu->info;
	struct edu_dma req = { .len = 1, .offset = 0, .direction = 2 };
	u8 *buf = kzalloc(8, GFP_KERNEL);

	u32 window = edu->cfg.window_bytes;

	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, buf, window, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, buf, window - 1, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, edu_copy_from_device(edu, buf, 0xffffffff, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, buf, 10, 0), 0);
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), -EINVAL);
	req.direction = EDU_DMA_TO_DEVICE;
	req.offset = window - 96;
	req.len = 97;
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), -EINVAL);
	req.len = 0;
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), 0);
	KUNIT_EXPECT_EQ(test, edu->info.transfers_to_device,
			before.transfers_to_device);
	KUNIT_EXPECT_EQ(test, edu->info.transfers_from_device,
			before.transfers_from_device);
	kfree(buf);
	edu_put(edu);
}

static unsigned long pins_held(void)
{
	return global_node_page_state(NR_FOLL_PIN_ACQUIRED) -
	       global_node_page_state(NR_FOLL_PIN_RELEASED);
}

/* An anonymous user region of pages, faulted in, then given prot. */
static unsigned long region(struct kunit *test, unsigned long pages, int prot)
{
	long addr = sys_mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	KUNIT_ASSERT_GT(test, addr, 0L);
	for (i = 0; i < pages; i++)
		KUNIT_ASSERT_EQ(test, put_user(0, (char __user *)addr + i * PAGE_SIZE), 0);
	if (prot != (PROT_READ | PROT_WRITE))
		KUNIT_ASSERT_EQ(test, sys_mprotect(addr, pages * PAGE_SIZE, prot), 0L);
	return addr;
}

/*
 * User bytes straddling a page boundary go in zero-copy and come out by
 * the copied path, then in by the copied path and out zero-copy.
 */
static void edu_zero_copy_round_trips(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	unsigned long va = region(test, 2, PROT_READ | PROT_WRITE) + 4000;
	u8 *buf = kmalloc(EDU_BUF_SIZE, GFP_KERNEL);
	unsigned long pins = pins_held();
	struct edu_dma req = {
		.addr = va, .len = 200, .offset = 123,
		.direction = EDU_DMA_TO_DEVICE,
	};
	u64 zero_copy = edu->info.zero_copy;
	u32 last;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	fill(buf, 200, 7);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)va, buf, 200), 0ul);
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), 0);
	memset(buf, 0, 200);
	KUNIT_EXPECT_EQ(test, edu_copy_from_device(edu, buf, 123, 200), 0);
	KUNIT_EXPECT_EQ(test, check(buf, 200, 7), 200u);

	fill(buf, 1, 9);
	last = edu->cfg.window_bytes - 1;
	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, buf, last, 1), 0);
	req = (struct edu_dma){ .addr = va + 33, .len = 1, .offset = last,
				.direction = EDU_DMA_FROM_DEVICE };
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), 0);
	KUNIT_ASSERT_EQ(test, copy_from_user(buf, (void __user *)va + 33, 1), 0ul);
	KUNIT_EXPECT_EQ(test, check(buf, 1, 9), 1u);
	KUNIT_EXPECT_EQ(test, edu->info.zero_copy - zero_copy, 2ull);
	KUNIT_EXPECT_EQ(test, pins_held(), pins);
	kfree(buf);
	edu_put(edu);
}

static void edu_zero_copy_bad_buffers(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	unsigned long ro = region(test, 1, PROT_READ);
	unsigned long pins = pins_held();
	struct edu_dma req = { .addr = ro, .len = 16,
			       .direction = EDU_DMA_FROM_DEVICE };
	u8 *kbuf = kmalloc(16, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	/* The device may not write where the process may not. */
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), -EFAULT);
	/* ... but it may read there. */
	req.direction = EDU_DMA_TO_DEVICE;
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), 0);
	req.addr = 0x1000;			/* nothing mapped */
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), -EFAULT);
	req.addr = (unsigned long)kbuf;		/* not a user address */
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), -EFAULT);
	KUNIT_EXPECT_EQ(test, pins_held(), pins);
	kfree(kbuf);
	edu_put(edu);
}

/* A DMA whose start bit is dropped never ends: -ETIMEDOUT, then fine. */
static void edu_timeout_and_recovery(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	unsigned int timeout = edu->cfg.timeout_ms;
	u64 timeouts = edu->info.timeouts;
	u8 *in = kmalloc(64, GFP_KERNEL), *out = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_ASSERT_NOT_NULL(test, out);
	if (edu->irq < 0) {
		edu_put(edu);
		kunit_skip(test, "polling: an idle device looks done");
	}
	mutex_lock(&edu->lock);
	edu->cfg.timeout_ms = 50;
	edu->test_drop_start = true;
	mutex_unlock(&edu->lock);
	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, in, 0, 64), -ETIMEDOUT);
	mutex_lock(&edu->lock);
	edu->test_drop_start = false;
	edu->cfg.timeout_ms = timeout;
	KUNIT_EXPECT_NULL(test, edu->stuck);	/* idle: released at once */
	mutex_unlock(&edu->lock);
	KUNIT_EXPECT_EQ(test, edu->info.timeouts - timeouts, 1ull);
	KUNIT_EXPECT_EQ(test, round_trip(edu, in, out, 64, 64, 4), 0);
	kfree(in);
	kfree(out);
	edu_put(edu);
}

/*
 * A timeout shorter than the transfer (about 100 ms): -ETIMEDOUT while
 * the device still works, the buffer kept mapped until it is idle, and
 * the next transfer right.  On a machine so loaded that the transfer
 * ended before the driver began to wait, it simply succeeds: both are
 * accepted, and what each promises is checked.
 */
static void edu_timeout_while_busy(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	unsigned int timeout = edu->cfg.timeout_ms;
	u64 timeouts = edu->info.timeouts;
	u8 *in = kmalloc(256, GFP_KERNEL), *out = kmalloc(256, GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_ASSERT_NOT_NULL(test, out);
	mutex_lock(&edu->lock);
	edu->cfg.timeout_ms = 10;
	mutex_unlock(&edu->lock);
	fill(in, 256, 21);
	ret = edu_copy_to_device(edu, in, 512, 256);
	mutex_lock(&edu->lock);
	edu->cfg.timeout_ms = timeout;
	mutex_unlock(&edu->lock);
	if (ret) {
		KUNIT_EXPECT_EQ(test, ret, -ETIMEDOUT);
		KUNIT_EXPECT_EQ(test, edu->info.timeouts - timeouts, 1ull);
	}
	/* The next operation waits for the device, then works. */
	memset(out, 0, 256);
	KUNIT_EXPECT_EQ(test, edu_copy_from_device(edu, out, 512, 256), 0);
	KUNIT_EXPECT_EQ(test, check(out, 256, 21), 256u);
	KUNIT_EXPECT_NULL(test, edu->stuck);
	KUNIT_EXPECT_EQ(test, dma_debug_device_entries(&edu->pdev->dev), 0);
	kfree(in);
	kfree(out);
	edu_put(edu);
}

/* ---- Probing again under other settings ---- */

/* Replace /etc/edu.conf with text (NULL: remove it); 0 or -errno. */
static long write_conf(const char *text)
{
	mm_segment_t old_fs = get_fs();
	long fd, ret = 0;

	set_fs(KERNEL_DS);
	if (!text) {
		ret = sys_unlink((const char __user *)EDU_CONF);
		set_fs(old_fs);
		return ret;
	}
	fd = sys_open((const char __user *)EDU_CONF,
		      O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		ret = sys_write(fd, (const char __user *)text, strlen(text));
		sys_close(fd);
	}
	set_fs(old_fs);
	return fd < 0 ? fd : ret < 0 ? ret : 0;
}

/* The settings file's text now (kmalloc'd), or NULL if there is none. */
static char *read_conf(void)
{
	mm_segment_t old_fs = get_fs();
	char *text = kzalloc(4096, GFP_KERNEL);
	long fd, len = -1;

	if (!text)
		return NULL;
	set_fs(KERNEL_DS);
	fd = sys_open((const char __user *)EDU_CONF, O_RDONLY, 0);
	if (fd >= 0) {
		len = sys_read(fd, (char __user *)text, 4095);
		sys_close(fd);
	}
	set_fs(old_fs);
	if (len < 0) {
		kfree(text);
		return NULL;
	}
	return text;
}

/* Unbind every edu device and probe them again with conf as settings. */
static void reprobe(struct kunit *test, const char *conf)
{
	KUNIT_ASSERT_EQ(test, write_conf(conf), 0L);
	pci_unregister_driver(&edu_driver);
	KUNIT_ASSERT_EQ(test, pci_register_driver(&edu_driver), 0);
}

static void restore(struct kunit *test, char *saved)
{
	KUNIT_EXPECT_EQ(test, write_conf(saved), 0L);
	pci_unregister_driver(&edu_driver);
	KUNIT_EXPECT_EQ(test, pci_register_driver(&edu_driver), 0);
	kfree(saved);
}

/* Every device works in mode, and says it is in it. */
static void check_mode(struct kunit *test, unsigned int mode)
{
	u8 *in = kmalloc(32, GFP_KERNEL), *out = kmalloc(32, GFP_KERNEL);
	int minor;

	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_ASSERT_NOT_NULL(test, out);
	for (minor = 0; minor < EDU_MAX_DEVICES; minor++) {
		struct edu_device *edu = edu_get(minor);
		struct edu_info info;
		u32 result = 0;

		if (!edu)
			break;
		KUNIT_ASSERT_EQ(test, edu_get_info(edu, &info), 0);
		KUNIT_EXPECT_EQ(test, info.irq_mode, mode);
		KUNIT_EXPECT_EQ(test, edu_factorial(edu, 10, &result), 0);
		KUNIT_EXPECT_EQ(test, result, 3628800u);
		KUNIT_EXPECT_EQ(test, round_trip(edu, in, out, 7, 32, minor), 0);
		edu_put(edu);
	}
	kfree(in);
	kfree(out);
}

static void edu_interrupt_modes(struct kunit *test)
{
	char *saved = read_conf();

	if (!edu_count_pci())
		kunit_skip(test, "no edu device");
	reprobe(test, "irq = intx\n");
	check_mode(test, EDU_IRQ_INTX);
	reprobe(test, "irq = poll\n");
	check_mode(test, EDU_IRQ_POLL);
	reprobe(test, "irq = msi\n");
	check_mode(test, pci_msi_enabled() ? EDU_IRQ_MSI : EDU_IRQ_INTX);
	restore(test, saved);
}

/* A broken or missing file: the defaults, and one line saying so. */
static void edu_bad_settings_give_defaults(struct kunit *test)
{
	char *saved = read_conf();
	struct edu_device *edu;
	const char *log;

	if (!edu_count_pci())
		kunit_skip(test, "no edu device");
	kunit_capture_start();
	reprobe(test, "dma_bits = 64\ntimeout_ms = 7\nirq = sometimes\n");
	log = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "line 3: bad value 'sometimes' for irq"));
	edu = edu_get(0);
	KUNIT_ASSERT_NOT_NULL(test, edu);
	KUNIT_EXPECT_EQ(test, edu->cfg.dma_bits, 28u);
	KUNIT_EXPECT_EQ(test, edu->cfg.timeout_ms, 1000u);
	edu_put(edu);

	kunit_capture_start();
	reprobe(test, NULL);
	log = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "using the defaults"));
	restore(test, saved);
}

/* remove: nothing stays mapped, open files get -ENODEV, minors reused. */
static void edu_remove_leaves_nothing(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	u8 *buf = kmalloc(4, GFP_KERNEL);	/* never the stack: see dma.md */

	KUNIT_ASSERT_NOT_NULL(test, buf);
	pci_unregister_driver(&edu_driver);
	KUNIT_EXPECT_EQ(test, dma_debug_device_entries(&edu->pdev->dev), 0);
	KUNIT_EXPECT_NULL(test, pci_get_drvdata(edu->pdev));
	KUNIT_EXPECT_NULL(test, edu_get(0));
	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, buf, 0, 4), -ENODEV);
	edu_put(edu);			/* the last reference: freed */
	KUNIT_ASSERT_EQ(test, pci_register_driver(&edu_driver), 0);
	edu = edu_get(0);
	KUNIT_ASSERT_NOT_NULL(test, edu);
	KUNIT_EXPECT_EQ(test, edu_copy_to_device(edu, buf, 0, 4), 0);
	edu_put(edu);
	kfree(buf);
}

/* ---- Bouncing ---- */

/* A page of RAM at or above limit, or NULL if the machine has none. */
static struct page *page_above(phys_addr_t limit)
{
	int nid;

	for_each_online_node(nid) {
		struct page *page = alloc_pages_node(nid, GFP_KERNEL, 0);

		if (page && page_to_phys(page) >= limit)
			return page;
		if (page)
			__free_pages(page, 0);
	}
	return NULL;
}

/* Moved through page: data intact; bounced and direct counts moved so. */
static void transfer_through(struct kunit *test, struct edu_device *edu,
			     struct page *page, u64 bounced, u64 direct)
{
	u8 *in = page_address(page), *out = in + 2048;
	struct edu_info before = edu->info;

	KUNIT_EXPECT_EQ(test, round_trip(edu, in, out, 100, 2048, 11), 0);
	KUNIT_EXPECT_EQ(test, edu->info.bounced - before.bounced, bounced);
	KUNIT_EXPECT_EQ(test, edu->info.direct - before.direct, direct);
}

static void edu_high_buffers_bounce(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	struct page *high = page_above(HIGH_MASK + 1);
	struct page *low = alloc_pages(GFP_DMA, 0);

	KUNIT_ASSERT_NOT_NULL(test, low);
	if (edu->cfg.dma_bits == 28)
		transfer_through(test, edu, low, 0, 2);
	if (high && edu->cfg.dma_bits == 28)
		transfer_through(test, edu, high, 2, 0);
	__free_pages(low, 0);
	if (high)
		__free_pages(high, 0);
	edu_put(edu);
	if (!high)
		kunit_skip(test, "no RAM above 256 MiB");
}

/*
 * A user buffer bounces exactly when its page lies above the device's
 * mask (on numa4 the process's pages usually do, on small never): the
 * driver's `bounced` answer is checked against the page's own address.
 */
static void edu_user_buffer_bounces_by_its_place(struct kunit *test)
{
	struct edu_device *edu = first_edu(test);
	unsigned long va = region(test, 1, PROT_READ | PROT_WRITE);
	struct edu_dma req = { .addr = va, .len = 64,
			       .direction = EDU_DMA_TO_DEVICE };
	u64 mask = DMA_BIT_MASK(edu->cfg.dma_bits);
	struct page *page;
	bool high;

	KUNIT_ASSERT_EQ(test, pin_user_pages(va, 1, 0, &page), 1L);
	high = page_to_phys(page) + 63 > mask;
	unpin_user_page(page);
	KUNIT_EXPECT_EQ(test, edu_zero_copy(edu, &req), 0);
	KUNIT_EXPECT_EQ(test, req.bounced, high ? 1u : 0u);
	edu_put(edu);
}

/* The device ktest_edu_wide= names goes direct once its section says 64. */
static void edu_wide_device_goes_direct(struct kunit *test)
{
	char name[24], conf[64], *saved;
	struct edu_device *edu = NULL;
	struct edu_info info;
	struct page *high;
	int minor;

	if (cmdline_find_option(boot_command_line, "ktest_edu_wide", name,
				sizeof(name)) < 0)
		kunit_skip(test, "no widened edu device (ktest_edu_wide=)");
	high = page_above(HIGH_MASK + 1);
	KUNIT_ASSERT_NOT_NULL(test, high);
	saved = read_conf();
	snprintf(conf, sizeof(conf), "[%s]\ndma_bits = 64\n", name);
	reprobe(test, conf);
	for (minor = 0; minor < EDU_MAX_DEVICES && !edu; minor++) {
		edu = edu_get(minor);
		if (edu && strcmp(dev_name(&edu->pdev->dev), name)) {
			KUNIT_EXPECT_EQ(test, edu->cfg.dma_bits, 28u);
			edu_put(edu);
			edu = NULL;
		}
	}
	KUNIT_ASSERT_NOT_NULL(test, edu);
	KUNIT_ASSERT_EQ(test, edu_get_info(edu, &info), 0);
	KUNIT_EXPECT_EQ(test, info.dma_bits, 64);
	transfer_through(test, edu, high, 0, 2);
	edu_put(edu);
	__free_pages(high, 0);
	restore(test, saved);
}

/* ---- The settings parser ---- */

static void edu_conf_parser(struct kunit *test)
{
	struct edu_config cfg;
	char err[80];

	KUNIT_EXPECT_EQ(test, edu_parse_config("", "x", &cfg, err, sizeof(err)), 0);
	KUNIT_EXPECT_EQ(test, cfg.dma_bits, 28u);
	KUNIT_EXPECT_EQ(test, edu_parse_config(
		"# c\n  dma_bits=32 # why\n\nirq = poll\r\n[0000:00:05.0]\n"
		"dma_bits = 64\n[0000:00:06.0]\ntimeout_ms = 5\n",
		"0000:00:05.0", &cfg, err, sizeof(err)), 0);
	KUNIT_EXPECT_EQ(test, cfg.dma_bits, 64u);
	KUNIT_EXPECT_EQ(test, cfg.irq_mode, (unsigned int)EDU_IRQ_POLL);
	KUNIT_EXPECT_EQ(test, cfg.timeout_ms, 1000u);
	KUNIT_EXPECT_EQ(test, cfg.window_bytes, 4095u);
	KUNIT_EXPECT_EQ(test, edu_parse_config("window_bytes = 4096", "x", &cfg,
					       err, sizeof(err)), 0);
	KUNIT_EXPECT_EQ(test, cfg.window_bytes, 4096u);
	KUNIT_EXPECT_EQ(test, edu_parse_config("window_bytes = 4097", "x", &cfg,
					       err, sizeof(err)), -EINVAL);

	KUNIT_EXPECT_EQ(test, edu_parse_config("dma_bits = 23\n", "x", &cfg,
					       err, sizeof(err)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 1: bad value '23' for dma_bits");
	KUNIT_EXPECT_EQ(test, edu_parse_config("\ncolour = blue", "x", &cfg,
					       err, sizeof(err)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 2: unknown key 'colour'");
	KUNIT_EXPECT_EQ(test, edu_parse_config("irq\n", "x", &cfg, err,
					       sizeof(err)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 1: expected key = value");
	KUNIT_EXPECT_EQ(test, edu_parse_config("[0000:00:05.0\n", "x", &cfg,
					       err, sizeof(err)), -EINVAL);
	/* Another device's section is checked too, and errors reset all. */
	KUNIT_EXPECT_EQ(test, edu_parse_config("irq = poll\n[y]\ntimeout_ms = 0\n",
					       "x", &cfg, err, sizeof(err)), -EINVAL);
	KUNIT_EXPECT_EQ(test, cfg.irq_mode, (unsigned int)EDU_IRQ_MSI);
}

/*
 * The case's thread gets a user address space (the zero-copy cases) and
 * a descriptor table: probing reads /etc/edu.conf with sys_open().
 */
static int edu_test_init(struct kunit *test)
{
	current->files = alloc_files();
	if (!current->files)
		return -ENOMEM;
	return test_mm_init(test);
}

static void edu_test_exit(struct kunit *test)
{
	struct files_struct *files = current->files;

	test_mm_exit(test);
	current->files = NULL;
	put_files_struct(files);
}

static struct kunit_case edu_cases[] = {
	KUNIT_CASE(edu_conf_parser),
	KUNIT_CASE(edu_probe_binds_every_device),
	KUNIT_CASE(edu_factorial_values),
	KUNIT_CASE(edu_copied_round_trips),
	KUNIT_CASE(edu_bad_requests),
	KUNIT_CASE(edu_zero_copy_round_trips),
	KUNIT_CASE(edu_zero_copy_bad_buffers),
	KUNIT_CASE(edu_timeout_and_recovery),
	KUNIT_CASE(edu_timeout_while_busy),
	KUNIT_CASE(edu_high_buffers_bounce),
	KUNIT_CASE(edu_user_buffer_bounces_by_its_place),
	KUNIT_CASE(edu_wide_device_goes_direct),
	KUNIT_CASE(edu_interrupt_modes),
	KUNIT_CASE(edu_bad_settings_give_defaults),
	KUNIT_CASE(edu_remove_leaves_nothing),
	{}
};

static struct kunit_suite edu_suite = {
	.name = "edu",
	.init = edu_test_init,
	.exit = edu_test_exit,
	.test_cases = edu_cases,
};
kunit_test_suite(edu_suite);
