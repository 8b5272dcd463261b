/*
 * Tests of the PCI bus (suite "pci"), against what tests/run told QEMU
 * to build (ktest_edu=N:B: N edu devices, B behind a bridge;
 * ktest_machine=pc|q35) and against fake functions.
 *
 * On the real bus: the edu devices (1234:11e8 rev 10) are all found,
 * those behind a bridge on the bus the bridge's numbers say; BAR0 is a
 * 1 MiB memory BAR whose identification register reads 0x010000ed and
 * whose liveness register inverts through pci_iomap(); the MSI
 * capability is found; pci_set_master()/pci_clear_master() flip the
 * command register's bit; ECAM on q35, type 1 on pc, and on q35 both
 * read the same; the /proc/bus/pci files match config space byte for
 * byte and list every device in Linux's format; a driver binds to the
 * devices its id table matches and unbinds.
 *
 * On a fake bus (struct pci_ops over a 256-byte array with per-bit
 * write masks, as hardware hard-wires bits): BAR sizing of I/O, 32-bit,
 * 64-bit prefetchable, ROM, unimplemented and broken BARs with decoding
 * off meanwhile; capability lists that loop or point into the header
 * stop and are reported once; a function reading all ones is dropped.
 *
 * The edu devices may belong to a driver (drivers/misc/edu.c) while
 * these run: the cases restore what they change (command register,
 * enable count) and bind only devices no driver has.
 */
#include <asm/cmdline.h>
#include <asm/pci_x86.h>
#include <kunit/capture.h>
#include <kunit/machine.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "pci.h"

/* QEMU's edu device (hw/misc/edu.c, docs/specs/edu.rst) */
#define EDU_VENDOR		0x1234
#define EDU_DEVICE		0x11e8
#define EDU_REVISION		0x10
#define EDU_CLASS		0x00ff00	/* PCI_CLASS_OTHERS << 16 */
#define EDU_BAR0_SIZE		SZ_1M
#define EDU_REG_ID		0x00
#define EDU_REG_LIVENESS	0x04
#define EDU_ID			0x010000ed

/* ---- helpers ---- */

/* The machine tests/run described, or skip the case. */
static void get_machine(struct kunit *test, struct kunit_machine *m)
{
	if (kunit_machine_read(m) || m->nr_edu < 0)
		kunit_skip(test, "no ktest_numa= or ktest_edu= on the command "
			   "line");
}

/* The edu devices into devs[] (at most max, referenced); how many. */
static int get_edus(struct pci_dev **devs, int max)
{
	struct pci_dev *dev = NULL;
	int n = 0;

	while ((dev = pci_get_device(EDU_VENDOR, EDU_DEVICE, dev)))
		if (n < max)
			devs[n++] = pci_dev_get(dev);
	return n;
}

static void put_devs(struct pci_dev **devs, int n)
{
	while (n--)
		pci_dev_put(devs[n]);
}

static int count_devices(void)
{
	struct pci_dev *dev = NULL;
	int n = 0;

	for_each_pci_dev(dev)
		n++;
	return n;
}

/* How many times what occurs in text. */
static int count_lines_with(const char *text, const char *what)
{
	int n = 0;

	for (; (text = strstr(text, what)); text++)
		n++;
	return n;
}

/*
 * The command register, saved and put back by the cases that change it
 * (pci_disable_device() clears the master bit a driver may rely on).
 */
struct saved_command {
	u16 cmd;
	bool busmaster;
};

static void save_command(struct pci_dev *dev, struct saved_command *s)
{
	pci_read_config_word(dev, PCI_COMMAND, &s->cmd);
	s->busmaster = dev->is_busmaster;
}

static void restore_command(struct pci_dev *dev, const struct saved_command *s)
{
	pci_write_config_word(dev, PCI_COMMAND, s->cmd);
	dev->is_busmaster = s->busmaster;
}

#define MAX_EDU		8

/* ---- the real bus ---- */

static void pci_get_device_finds_every_edu(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU], *first;
	struct kunit_machine m;
	char name[24];
	int n, i, refs;

	get_machine(test, &m);
	n = get_edus(devs, MAX_EDU);
	KUNIT_EXPECT_EQ(test, n, m.nr_edu);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, devs[i]->revision, EDU_REVISION);
		KUNIT_EXPECT_EQ(test, devs[i]->class, EDU_CLASS);
		KUNIT_EXPECT_EQ(test, devs[i]->hdr_type, PCI_HEADER_TYPE_NORMAL);
		KUNIT_EXPECT_EQ(test, devs[i]->pin, 1);	/* INTA# */
		KUNIT_EXPECT_PTR_EQ(test, devs[i]->dev.dma_mask,
				    &devs[i]->dma_mask);
		snprintf(name, sizeof(name), "0000:%02x:%02x.%d",
			 devs[i]->bus->number, PCI_SLOT(devs[i]->devfn),
			 PCI_FUNC(devs[i]->devfn));
		KUNIT_EXPECT_STREQ(test, pci_name(devs[i]), name);
	}
	/* A full walk drops every reference it took. */
	first = n ? devs[0] : NULL;
	refs = first ? refcount_read(&first->ref) : 0;
	KUNIT_EXPECT_GE(test, count_devices(), n + 1);
	if (first)
		KUNIT_EXPECT_EQ(test, refcount_read(&first->ref), refs);
	put_devs(devs, n);
}

static void pci_read_config_checks_alignment(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	int n = get_edus(devs, MAX_EDU), i;
	u32 dword;
	u16 word;

	if (!n)
		kunit_skip(test, "no edu device");
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, pci_read_config_word(devs[i],
				PCI_VENDOR_ID, &word), PCIBIOS_SUCCESSFUL);
		KUNIT_EXPECT_EQ(test, word, EDU_VENDOR);
		pci_read_config_dword(devs[i], PCI_CLASS_REVISION, &dword);
		KUNIT_EXPECT_EQ(test, dword, EDU_CLASS << 8 | EDU_REVISION);
		KUNIT_EXPECT_EQ(test, pci_read_config_word(devs[i], 1, &word),
				PCIBIOS_BAD_REGISTER_NUMBER);
		KUNIT_EXPECT_EQ(test, word, 0xffff);
		KUNIT_EXPECT_EQ(test, pci_read_config_dword(devs[i], 2, &dword),
				PCIBIOS_BAD_REGISTER_NUMBER);
		KUNIT_EXPECT_EQ(test, dword, 0xffffffff);
		KUNIT_EXPECT_EQ(test, pci_read_config_dword(devs[i], 4096,
				&dword), PCIBIOS_BAD_REGISTER_NUMBER);
		KUNIT_EXPECT_EQ(test, pci_write_config_word(devs[i], 3, 0),
				PCIBIOS_BAD_REGISTER_NUMBER);
	}
	KUNIT_EXPECT_EQ(test, pcibios_err_to_errno(PCIBIOS_BAD_REGISTER_NUMBER),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, pcibios_err_to_errno(PCIBIOS_SUCCESSFUL), 0);
	put_devs(devs, n);
}

/* Both mechanisms read dword reg of every device alike. */
static void expect_mechanisms_agree(struct kunit *test, int reg)
{
	struct pci_dev *dev = NULL;
	u32 a, b;

	for_each_pci_dev(dev) {
		KUNIT_EXPECT_EQ(test, pci_direct_conf1.read(0, dev->bus->number,
				dev->devfn, reg, 4, &a), 0);
		KUNIT_EXPECT_EQ(test, pci_mmcfg.read(0, dev->bus->number,
				dev->devfn, reg, 4, &b), 0);
		KUNIT_EXPECT_EQ_MSG(test, a, b, "%s reg %#x", pci_name(dev),
				    reg);
	}
}

static void pci_config_mechanism_matches_machine(struct kunit *test)
{
	char machine[8];
	u32 v;

	if (cmdline_find_option(boot_command_line, "ktest_machine", machine,
				sizeof(machine)) < 0)
		kunit_skip(test, "no ktest_machine= on the command line");
	if (!strcmp(machine, "q35")) {
		KUNIT_EXPECT_PTR_EQ(test, raw_pci_ops, &pci_mmcfg);
		expect_mechanisms_agree(test, PCI_VENDOR_ID);
		expect_mechanisms_agree(test, PCI_CLASS_REVISION);
		expect_mechanisms_agree(test, PCI_SUBSYSTEM_VENDOR_ID);
	} else {
		KUNIT_EXPECT_PTR_EQ(test, raw_pci_ops, &pci_direct_conf1);
	}
	/* Type 1 reaches 256 bytes, ECAM 4096; nothing reaches beyond. */
	KUNIT_EXPECT_EQ(test, pci_direct_conf1.read(0, 0, 0, 256, 4, &v),
			PCIBIOS_BAD_REGISTER_NUMBER);
	KUNIT_EXPECT_EQ(test, v, 0xffffffff);
	KUNIT_EXPECT_EQ(test, raw_pci_read(0, 0, 0, 4096, 4, &v),
			PCIBIOS_BAD_REGISTER_NUMBER);
	KUNIT_EXPECT_EQ(test, raw_pci_read(0, 0, 0, -4, 4, &v),
			PCIBIOS_BAD_REGISTER_NUMBER);
}

static void expect_edu_registers(struct kunit *test, struct pci_dev *dev,
				 unsigned long maxlen)
{
	void __iomem *regs = pci_iomap(dev, 0, maxlen);

	KUNIT_ASSERT_NOT_NULL(test, regs);
	KUNIT_EXPECT_EQ(test, readl(regs + EDU_REG_ID), EDU_ID);
	KUNIT_EXPECT_EQ(test, ioread32(regs + EDU_REG_ID), EDU_ID);
	writel(0x12345678, regs + EDU_REG_LIVENESS);
	KUNIT_EXPECT_EQ(test, readl(regs + EDU_REG_LIVENESS), ~0x12345678U);
	iowrite32(0, regs + EDU_REG_LIVENESS);
	KUNIT_EXPECT_EQ(test, ioread32(regs + EDU_REG_LIVENESS), 0xffffffff);
	pci_iounmap(dev, regs);
}

static void pci_iomap_edu_bar0(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	int n = get_edus(devs, MAX_EDU), i;
	struct saved_command saved;
	unsigned long flags;
	u16 cmd;

	if (!n)
		kunit_skip(test, "no edu device");
	for (i = 0; i < n; i++) {
		save_command(devs[i], &saved);
		flags = pci_resource_flags(devs[i], 0);
		KUNIT_EXPECT_TRUE(test, flags & IORESOURCE_MEM);
		KUNIT_EXPECT_FALSE(test, flags & (IORESOURCE_IO |
				   IORESOURCE_MEM_64 | IORESOURCE_PREFETCH));
		KUNIT_EXPECT_EQ(test, pci_resource_len(devs[i], 0),
				EDU_BAR0_SIZE);
		KUNIT_EXPECT_NE(test, pci_resource_start(devs[i], 0), 0);
		KUNIT_EXPECT_EQ(test, pci_resource_start(devs[i], 0) %
				EDU_BAR0_SIZE, 0);
		KUNIT_EXPECT_EQ(test, pci_resource_flags(devs[i], 1), 0);
		KUNIT_ASSERT_EQ(test, pci_enable_device(devs[i]), 0);
		pci_read_config_word(devs[i], PCI_COMMAND, &cmd);
		KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_MEMORY);
		expect_edu_registers(test, devs[i], 0);
		expect_edu_registers(test, devs[i], 4096);
		pci_disable_device(devs[i]);
		restore_command(devs[i], &saved);
	}
	put_devs(devs, n);
}

static void pci_iomap_refuses_bad_bars(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU], *dev = NULL;
	int n = get_edus(devs, MAX_EDU), bar;
	void __iomem *cookie;
	const char *out;

	if (!n)
		kunit_skip(test, "no edu device");
	KUNIT_EXPECT_NULL(test, pci_iomap(devs[0], 1, 0));	/* unimplemented */
	KUNIT_EXPECT_NULL(test, pci_iomap(devs[0], PCI_STD_NUM_BARS, 0));
	KUNIT_EXPECT_NULL(test, pci_iomap(devs[0], -1, 0));
	put_devs(devs, n);

	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, ioread32(NULL), 0xffffffff);
	iowrite8(1, (void __iomem *)0x80);		/* a port, not a cookie */
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "Bad IO access at port "),
			2);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "0x80 (outb)"));

	/* An I/O BAR becomes a port cookie (every machine has one). */
	for_each_pci_dev(dev)
		for (bar = 0; bar < PCI_STD_NUM_BARS; bar++)
			if (pci_resource_flags(dev, bar) & IORESOURCE_IO)
				goto found;
	KUNIT_ASSERT_TRUE_MSG(test, false, "no device with an I/O BAR");
found:
	cookie = pci_iomap(dev, bar, 0);
	KUNIT_EXPECT_TRUE(test, iomap_is_port(cookie));
	KUNIT_EXPECT_EQ(test, (unsigned long)cookie,
			PIO_OFFSET + pci_resource_start(dev, bar));
	pci_iounmap(dev, cookie);
	pci_dev_put(dev);
}

static void pci_find_capability_finds_edu_msi(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	int n = get_edus(devs, MAX_EDU), i;
	u8 id;

	if (!n)
		kunit_skip(test, "no edu device");
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_GE(test, devs[i]->msi_cap, PCI_STD_HEADER_SIZEOF);
		KUNIT_EXPECT_EQ(test, pci_find_capability(devs[i],
				PCI_CAP_ID_MSI), devs[i]->msi_cap);
		pci_read_config_byte(devs[i], devs[i]->msi_cap + PCI_CAP_LIST_ID,
				     &id);
		KUNIT_EXPECT_EQ(test, id, PCI_CAP_ID_MSI);
		KUNIT_EXPECT_EQ(test, pci_find_next_capability(devs[i],
				devs[i]->msi_cap, PCI_CAP_ID_MSI), 0);
		KUNIT_EXPECT_EQ(test, devs[i]->msix_cap, 0);
		KUNIT_EXPECT_EQ(test, pci_find_capability(devs[i],
				PCI_CAP_ID_MSIX), 0);
		KUNIT_EXPECT_FALSE(test, devs[i]->cap_list_reported);
	}
	put_devs(devs, n);
}

/* dev sits behind bus->self, whose numbers name dev's bus. */
static void expect_behind_bridge(struct kunit *test, struct pci_dev *dev)
{
	struct pci_dev *bridge = dev->bus->self;
	u8 primary, secondary, subordinate;

	KUNIT_ASSERT_NOT_NULL(test, bridge);
	KUNIT_EXPECT_EQ(test, bridge->hdr_type, PCI_HEADER_TYPE_BRIDGE);
	KUNIT_EXPECT_EQ(test, bridge->class >> 8, PCI_CLASS_BRIDGE_PCI);
	KUNIT_EXPECT_PTR_EQ(test, bridge->subordinate, dev->bus);
	KUNIT_EXPECT_PTR_EQ(test, pci_find_bus(0, dev->bus->number), dev->bus);
	pci_read_config_byte(bridge, PCI_PRIMARY_BUS, &primary);
	pci_read_config_byte(bridge, PCI_SECONDARY_BUS, &secondary);
	pci_read_config_byte(bridge, PCI_SUBORDINATE_BUS, &subordinate);
	KUNIT_EXPECT_EQ(test, primary, bridge->bus->number);
	KUNIT_EXPECT_EQ(test, secondary, dev->bus->number);
	KUNIT_EXPECT_GE(test, subordinate, secondary);
	KUNIT_EXPECT_GT(test, dev->bus->number, bridge->bus->number);
	if (!pci_is_pcie(bridge))
		return;
	/* A PCIe root port: one link, so device 0 only; 4 KiB on ECAM. */
	KUNIT_EXPECT_EQ(test, pci_pcie_type(bridge), PCI_EXP_TYPE_ROOT_PORT);
	KUNIT_EXPECT_EQ(test, PCI_SLOT(dev->devfn), 0);
	KUNIT_EXPECT_EQ(test, bridge->cfg_size, raw_pci_ops == &pci_mmcfg ?
			PCI_CFG_SPACE_EXP_SIZE : PCI_CFG_SPACE_SIZE);
}

static void pci_scan_finds_edu_behind_bridge(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	struct kunit_machine m;
	int n, i, bridged = 0;

	get_machine(test, &m);
	n = get_edus(devs, MAX_EDU);
	for (i = 0; i < n; i++) {
		if (!devs[i]->bus->parent) {
			KUNIT_EXPECT_EQ(test, devs[i]->bus->number, 0);
			continue;
		}
		bridged++;
		expect_behind_bridge(test, devs[i]);
	}
	KUNIT_EXPECT_EQ(test, bridged, m.nr_edu_bridged);
	put_devs(devs, n);
}

static bool command_has(struct pci_dev *dev, u16 bit)
{
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	return cmd & bit;
}

static void pci_set_master_sets_command_bit(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	int n = get_edus(devs, MAX_EDU), i;
	struct saved_command saved;

	if (!n)
		kunit_skip(test, "no edu device");
	for (i = 0; i < n; i++) {
		save_command(devs[i], &saved);
		pci_set_master(devs[i]);
		KUNIT_EXPECT_TRUE(test, command_has(devs[i], PCI_COMMAND_MASTER));
		KUNIT_EXPECT_TRUE(test, devs[i]->is_busmaster);
		pci_clear_master(devs[i]);
		KUNIT_EXPECT_FALSE(test, command_has(devs[i], PCI_COMMAND_MASTER));
		KUNIT_EXPECT_FALSE(test, devs[i]->is_busmaster);
		restore_command(devs[i], &saved);
	}
	put_devs(devs, n);
}

/* The last pci_disable_device() stops bus mastering; an extra is refused. */
static void pci_disable_device_clears_master(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	int n = get_edus(devs, MAX_EDU), i, tested = 0;
	struct saved_command saved;
	const char *out;

	for (i = 0; i < n; i++) {
		bool bound = devs[i]->driver;

		pci_device_release_driver(devs[i]);	/* given back below */
		if (pci_is_enabled(devs[i])) {	/* still: leave it alone */
			if (bound)
				pci_device_attach(devs[i]);
			continue;
		}
		tested++;
		save_command(devs[i], &saved);
		KUNIT_ASSERT_EQ(test, pci_enable_device(devs[i]), 0);
		KUNIT_ASSERT_EQ(test, pci_enable_device(devs[i]), 0);
		pci_set_master(devs[i]);
		pci_disable_device(devs[i]);
		KUNIT_EXPECT_TRUE(test, command_has(devs[i], PCI_COMMAND_MASTER));
		pci_disable_device(devs[i]);
		KUNIT_EXPECT_FALSE(test, command_has(devs[i], PCI_COMMAND_MASTER));
		KUNIT_EXPECT_TRUE(test, command_has(devs[i], PCI_COMMAND_MEMORY));
		kunit_capture_start();
		pci_disable_device(devs[i]);
		out = kunit_capture_stop();
		KUNIT_EXPECT_NOT_NULL(test, strstr(out, "disabling "
				      "already-disabled device, ignored"));
		KUNIT_EXPECT_EQ(test, atomic_read(&devs[i]->enable_cnt), 0);
		restore_command(devs[i], &saved);
		if (bound)
			pci_device_attach(devs[i]);
	}
	put_devs(devs, n);
	if (!tested)
		kunit_skip(test, "every edu device stays enabled");
}

/* ---- /proc/bus/pci ---- */

static struct file *open_proc_config(struct kunit *test, struct pci_dev *dev)
{
	char path[40];
	struct file *f;

	snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%x",
		 dev->bus->number, PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));
	f = filp_open(path, O_RDONLY, 0);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s: error %ld", path,
			       PTR_ERR(f));
	return f;
}

/* A read of len at pos gives exactly the config bytes there. */
static void expect_proc_read(struct kunit *test, struct pci_dev *dev,
			     struct file *f, int pos, int len)
{
	int want = clamp(dev->cfg_size - pos, 0, len), i;
	loff_t at = pos;
	u8 buf[16], byte;

	memset(buf, 0x5a, sizeof(buf));
	KUNIT_EXPECT_EQ_MSG(test, kernel_read(f, buf, len, &at), want,
			    "%s at %#x", pci_name(dev), pos);
	KUNIT_EXPECT_EQ(test, at, pos + want);
	for (i = 0; i < want; i++) {
		pci_read_config_byte(dev, pos + i, &byte);
		KUNIT_EXPECT_EQ_MSG(test, buf[i], byte, "%s byte %#x",
				    pci_name(dev), pos + i);
	}
	KUNIT_EXPECT_EQ(test, buf[want], 0x5a);	/* nothing beyond */
}

static void expect_proc_config(struct kunit *test, struct pci_dev *dev)
{
	static const int reads[][2] = {
		{ 0, 4 }, { 1, 3 }, { 2, 1 }, { 3, 5 }, { 0x0e, 2 },
		{ 0x11, 7 }, { 0x3d, 1 }, { 0x3c, 4 }, { -3, 8 }, { -1, 1 },
		{ 0, 0 }, { 0, 15 },
	};
	struct file *f = open_proc_config(test, dev);
	u8 *whole = kmalloc(PCI_CFG_SPACE_EXP_SIZE + 1, GFP_KERNEL);
	int i, pos;
	loff_t at = 0;
	u8 byte;

	KUNIT_ASSERT_NOT_NULL(test, whole);
	for (i = 0; i < ARRAY_SIZE(reads); i++) {
		pos = reads[i][0] < 0 ? dev->cfg_size + reads[i][0] : reads[i][0];
		expect_proc_read(test, dev, f, pos, reads[i][1]);
	}
	expect_proc_read(test, dev, f, dev->cfg_size, 4);	/* the end */
	expect_proc_read(test, dev, f, dev->cfg_size + 100, 4);
	KUNIT_EXPECT_EQ(test, kernel_read(f, whole, PCI_CFG_SPACE_EXP_SIZE + 1,
			&at), dev->cfg_size);
	for (pos = 0; pos < dev->cfg_size; pos += 4) {
		pci_read_config_byte(dev, pos, &byte);
		KUNIT_EXPECT_EQ(test, whole[pos], byte);
	}
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), dev->cfg_size);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 1, SEEK_END), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0x3d, SEEK_SET), 0x3d);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, dev->cfg_size);
	kfree(whole);
	filp_close(f, NULL);
}

static void pci_proc_config_matches_config_space(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU], *dev = NULL;
	int n = get_edus(devs, MAX_EDU), i;

	if (!n)
		kunit_skip(test, "no edu device");
	for (i = 0; i < n; i++) {
		expect_proc_config(test, devs[i]);
		if (devs[i]->bus->self)		/* a bridge: maybe 4 KiB */
			expect_proc_config(test, devs[i]->bus->self);
	}
	put_devs(devs, n);
	for_each_pci_dev(dev)
		KUNIT_EXPECT_EQ(test, dev->cfg_size, pci_is_pcie(dev) &&
				raw_pci_ops == &pci_mmcfg ?
				PCI_CFG_SPACE_EXP_SIZE : PCI_CFG_SPACE_SIZE);
}

#define DEVICES_SIZE	(16 * 1024)

static char *read_devices(struct kunit *test)
{
	struct file *f = filp_open("/proc/bus/pci/devices", O_RDONLY, 0);
	char *text = kzalloc(DEVICES_SIZE, GFP_KERNEL);
	loff_t pos = 0;
	ssize_t n;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_ASSERT_NOT_NULL(test, text);
	n = kernel_read(f, text, DEVICES_SIZE - 1, &pos);
	filp_close(f, NULL);
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_ASSERT_LT(test, n, DEVICES_SIZE - 1);
	return text;
}

/* The line of /proc/bus/pci/devices for dev, split at tabs; fields. */
static int devices_fields(const char *text, const struct pci_dev *dev,
			  char fields[][20], int max)
{
	char key[12], *line;
	int n = 0, len;

	snprintf(key, sizeof(key), "%02x%02x\t", dev->bus->number, dev->devfn);
	for (line = (char *)text; line && strncmp(line, key, 5); ) {
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	while (line && n < max) {
		for (len = 0; line[len] && line[len] != '\t' &&
			      line[len] != '\n'; len++)
			;
		strscpy(fields[n++], line, min(len + 1, 20));
		if (line[len] != '\t')
			break;
		line += len + 1;
	}
	return n;
}

static void pci_proc_devices_lists_every_device(struct kunit *test)
{
	struct pci_dev *devs[MAX_EDU];
	char *text = read_devices(test), expect[20], fields[20][20];
	int n = get_edus(devs, MAX_EDU), lines = 0, i;
	const char *p;

	for (p = text; (p = strchr(p, '\n')); p++)
		lines++;
	KUNIT_EXPECT_EQ(test, lines, count_devices());
	for (i = 0; i < n; i++) {
		KUNIT_ASSERT_EQ(test, devices_fields(text, devs[i], fields, 20),
				18);
		KUNIT_EXPECT_STREQ(test, fields[1], "123411e8");
		snprintf(expect, sizeof(expect), "%x", devs[i]->irq);
		KUNIT_EXPECT_STREQ(test, fields[2], expect);
		snprintf(expect, sizeof(expect), "%16llx",
			 (unsigned long long)pci_resource_start(devs[i], 0));
		KUNIT_EXPECT_STREQ(test, fields[3], expect);	/* BAR0, flags 0 */
		KUNIT_EXPECT_STREQ(test, fields[4], "               0");
		KUNIT_EXPECT_STREQ(test, fields[10], "          100000");
		KUNIT_EXPECT_STREQ(test, fields[11], "               0");
		KUNIT_EXPECT_STREQ(test, fields[17], devs[i]->driver ?
				   devs[i]->driver->name : "");
	}
	put_devs(devs, n);
	kfree(text);
}

/* ---- drivers ---- */

static int test_probes, test_removes;
static int test_marker;

static int test_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	test_probes++;
	pci_set_drvdata(dev, &test_marker);
	return 0;
}

static void test_remove(struct pci_dev *dev)
{
	if (pci_get_drvdata(dev) == &test_marker)
		test_removes++;
}

static const struct pci_device_id test_ids[] = {
	{ PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) },
	/* Host bridges: no driver ever takes them, so one always binds. */
	{ PCI_DEVICE_CLASS(PCI_CLASS_BRIDGE_HOST << 8, 0xffff00) },
	{ }
};

static struct pci_driver test_driver = {
	.name = "pci_test",
	.id_table = test_ids,
	.probe = test_probe,
	.remove = test_remove,
};

/* The devices test_ids match that have no driver now. */
static int count_unbound_matches(const struct pci_device_id *ids)
{
	struct pci_dev *dev = NULL;
	int n = 0;

	for_each_pci_dev(dev)
		n += !dev->driver && pci_match_id(ids, dev);
	return n;
}

static int count_bound_to(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;
	int n = 0;

	for_each_pci_dev(dev)
		if (dev->driver == drv) {
			n++;
			if (dev->dev.driver != &drv->driver ||
			    pci_get_drvdata(dev) != &test_marker)
				n += 1000;	/* shows as a wrong count */
		}
	return n;
}

static void pci_register_driver_binds_matching_devices(struct kunit *test)
{
	int expected = count_unbound_matches(test_ids);
	struct pci_dev *dev = NULL;
	char *text;

	KUNIT_ASSERT_GE(test, expected, 1);
	test_probes = test_removes = 0;
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_EXPECT_EQ(test, test_probes, expected);
	KUNIT_EXPECT_EQ(test, count_bound_to(&test_driver), expected);
	KUNIT_EXPECT_EQ(test, count_unbound_matches(test_ids), 0);
	text = read_devices(test);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\tpci_test\n"));
	kfree(text);
	pci_unregister_driver(&test_driver);
	KUNIT_EXPECT_EQ(test, test_removes, expected);
	KUNIT_EXPECT_EQ(test, count_bound_to(&test_driver), 0);
	KUNIT_EXPECT_EQ(test, count_unbound_matches(test_ids), expected);
	for_each_pci_dev(dev)
		if (!dev->driver)
			KUNIT_EXPECT_NULL(test, pci_get_drvdata(dev));
	KUNIT_EXPECT_EQ(test, test_probes, expected);	/* none since */
}

static int failing_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	test_probes++;
	pci_set_drvdata(dev, &test_marker);
	return -ENODEV;
}

static struct pci_driver failing_driver = {
	.name = "pci_test_fail",
	.id_table = test_ids,
	.probe = failing_probe,
	.remove = test_remove,
};

static void pci_register_driver_failing_probe_leaves_unbound(struct kunit *test)
{
	int expected = count_unbound_matches(test_ids);
	const char *out;

	test_probes = test_removes = 0;
	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, pci_register_driver(&failing_driver), 0);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, test_probes, expected);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "pci_test_fail: probe of "),
			expected);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "failed with error -19\n"),
			expected);
	KUNIT_EXPECT_EQ(test, count_bound_to(&failing_driver), 0);
	KUNIT_EXPECT_EQ(test, count_unbound_matches(test_ids), expected);
	pci_unregister_driver(&failing_driver);
	KUNIT_EXPECT_EQ(test, test_removes, 0);
}

/* ---- a fake bus ---- */

/*
 * One function at devfn 0 of a fake bus: its config space, which bits
 * a write changes (the others are hard-wired, as BAR size bits are),
 * and the decode bits the command register had at each BAR write.
 */
struct fake_fn {
	u8 cfg[PCI_CFG_SPACE_SIZE];
	u8 wmask[PCI_CFG_SPACE_SIZE];
	u16 decode_during_bar_writes;
};

static int fake_read(struct pci_bus *bus, unsigned int devfn, int where,
		     int size, u32 *val)
{
	struct fake_fn *fn = bus->sysdata;

	*val = 0;
	if (devfn || where + size > PCI_CFG_SPACE_SIZE) {
		*val = ~0U;
		return devfn ? PCIBIOS_SUCCESSFUL : PCIBIOS_BAD_REGISTER_NUMBER;
	}
	memcpy(val, fn->cfg + where, size);
	return PCIBIOS_SUCCESSFUL;
}

static int fake_write(struct pci_bus *bus, unsigned int devfn, int where,
		      int size, u32 val)
{
	struct fake_fn *fn = bus->sysdata;
	int i;

	if (devfn || where + size > PCI_CFG_SPACE_SIZE)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (where >= PCI_BASE_ADDRESS_0 && where <= PCI_ROM_ADDRESS)
		fn->decode_during_bar_writes |= fn->cfg[PCI_COMMAND] &
			(PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
	for (i = 0; i < size; i++, val >>= 8)
		fn->cfg[where + i] = (fn->cfg[where + i] & ~fn->wmask[where + i]) |
				     (val & fn->wmask[where + i]);
	return PCIBIOS_SUCCESSFUL;
}

static struct pci_ops fake_ops = { .read = fake_read, .write = fake_write };

static void fake_put32(u8 *p, int where, u32 v)
{
	memcpy(p + where, &v, 4);
}

/* A fake normal function: vendor, class, decoding on, no BARs or caps. */
static struct fake_fn *fake_fn_new(struct kunit *test)
{
	struct fake_fn *fn = kzalloc(sizeof(*fn), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fn);
	fake_put32(fn->cfg, PCI_VENDOR_ID, 0xbeef1af4);
	fake_put32(fn->cfg, PCI_CLASS_REVISION, 0xff000001);
	fn->cfg[PCI_COMMAND] = PCI_COMMAND_IO | PCI_COMMAND_MEMORY;
	fn->wmask[PCI_COMMAND] = 0x07;
	return fn;
}

/* A BAR at reg holding v with size bits (the address bits below size) fixed. */
static void fake_bar(struct fake_fn *fn, int reg, u32 v, u32 wmask)
{
	fake_put32(fn->cfg, reg, v);
	fake_put32(fn->wmask, reg, wmask);
}

/* A pci_dev for fn on a fake bus 0x42, set up as enumeration would. */
static struct pci_dev *fake_dev(struct kunit *test, struct pci_bus *bus,
				struct fake_fn *fn, int *setup_ret)
{
	struct pci_dev *dev;

	*bus = (struct pci_bus){ .ops = &fake_ops, .sysdata = fn,
				 .number = 0x42 };
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->children);
	dev = pci_alloc_dev(bus);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	dev->vendor = 0x1af4;
	dev->device = 0xbeef;
	*setup_ret = pci_setup_device(dev);
	return dev;
}

static void expect_resource(struct kunit *test, struct pci_dev *dev, int i,
			    u64 start, u64 size, unsigned long flags)
{
	KUNIT_EXPECT_EQ_MSG(test, pci_resource_start(dev, i), start, "BAR%d", i);
	KUNIT_EXPECT_EQ_MSG(test, pci_resource_len(dev, i), size, "BAR%d", i);
	KUNIT_EXPECT_EQ_MSG(test, pci_resource_flags(dev, i) &
			    ~IORESOURCE_SIZEALIGN, flags, "BAR%d", i);
}

static void pci_setup_device_sizes_fake_bars(struct kunit *test)
{
	struct fake_fn *fn = fake_fn_new(test), saved;
	struct pci_bus bus;
	struct pci_dev *dev;
	const char *out;
	int ret;

	fake_bar(fn, PCI_BASE_ADDRESS_0, 0xc021, ~0x1fU);	/* I/O, 32 B */
	fake_bar(fn, PCI_BASE_ADDRESS_1, 0xfebf1000, ~0xfffU);	/* 4 KiB */
	fake_bar(fn, PCI_BASE_ADDRESS_2, 0x0000000c, 0);	/* 64-bit pref, */
	fake_bar(fn, PCI_BASE_ADDRESS_3, 0x00000008, ~0x1U);	/* 8 GiB */
	fake_bar(fn, PCI_BASE_ADDRESS_4, 0x00000008, 0);	/* no size bits */
	fake_bar(fn, PCI_ROM_ADDRESS, 0xfeb80000, 0xffff0001);	/* 64 KiB */
	fn->cfg[PCI_INTERRUPT_PIN] = 1;
	fn->cfg[PCI_INTERRUPT_LINE] = 11;
	fake_put32(fn->cfg, PCI_SUBSYSTEM_VENDOR_ID, 0x11001af4);
	saved = *fn;
	kunit_capture_start();
	dev = fake_dev(test, &bus, fn, &ret);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, 0);
	expect_resource(test, dev, 0, 0xc020, 0x20, IORESOURCE_IO | 0x1);
	expect_resource(test, dev, 1, 0xfebf1000, 0x1000, IORESOURCE_MEM);
	expect_resource(test, dev, 2, 0x800000000ULL, 0x200000000ULL,
			IORESOURCE_MEM | IORESOURCE_MEM_64 |
			IORESOURCE_PREFETCH | 0xc);
	expect_resource(test, dev, 3, 0, 0, 0);		/* the upper half */
	expect_resource(test, dev, 4, 0, 0, 0);
	expect_resource(test, dev, 5, 0, 0, 0);		/* unimplemented */
	expect_resource(test, dev, PCI_ROM_RESOURCE, 0xfeb80000, 0x10000,
			IORESOURCE_MEM | IORESOURCE_PREFETCH |
			IORESOURCE_READONLY);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "BAR4 sizes to 0, ignored"),
			1);
	KUNIT_EXPECT_NULL(test, strstr(out, "BAR5"));
	KUNIT_EXPECT_NULL(test, strstr(out, "BAR3"));
	/* Decoding was off while BARs held ones, and everything is restored. */
	KUNIT_EXPECT_EQ(test, fn->decode_during_bar_writes, 0);
	KUNIT_EXPECT_MEMEQ(test, fn->cfg, saved.cfg, PCI_CFG_SPACE_SIZE);
	KUNIT_EXPECT_EQ(test, dev->irq, 11);
	KUNIT_EXPECT_EQ(test, dev->pin, 1);
	KUNIT_EXPECT_EQ(test, dev->subsystem_vendor, 0x1af4);
	KUNIT_EXPECT_EQ(test, dev->subsystem_device, 0x1100);
	KUNIT_EXPECT_EQ(test, dev->class, 0xff0000);
	KUNIT_EXPECT_EQ(test, dev->revision, 1);
	KUNIT_EXPECT_EQ(test, dev->cfg_size, PCI_CFG_SPACE_SIZE);
	KUNIT_EXPECT_EQ(test, dev->dma_mask, 0xffffffffULL);
	KUNIT_EXPECT_EQ(test, dev->dev.coherent_dma_mask, 0xffffffffULL);
	KUNIT_EXPECT_STREQ(test, pci_name(dev), "0000:42:00.0");
	pci_dev_put(dev);
	kfree(fn);
}

static void pci_setup_device_reports_broken_bars(struct kunit *test)
{
	struct fake_fn *fn = fake_fn_new(test);
	struct pci_bus bus;
	struct pci_dev *dev;
	const char *out;
	int ret;

	fake_bar(fn, PCI_BASE_ADDRESS_0, 0xffffffff, 0);	/* gone */
	fake_bar(fn, PCI_BASE_ADDRESS_5, 0x00000004, ~0xfffU);	/* 64-bit, last */
	kunit_capture_start();
	dev = fake_dev(test, &bus, fn, &ret);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "0000:42:00.0 BAR0 reads "
					       "all ones, ignored\n"), 1);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "0000:42:00.0 BAR5 is "
					       "64-bit with no register for "
					       "its upper half, ignored\n"), 1);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev, 0), 0);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev, 5), 0);
	/* Enabling needs every BAR assigned; an unassigned one refuses. */
	fake_bar(fn, PCI_BASE_ADDRESS_1, 0, ~0xfffU);
	pci_read_bases(dev, PCI_STD_NUM_BARS, 0);
	KUNIT_EXPECT_TRUE(test, pci_resource_flags(dev, 1) & IORESOURCE_UNSET);
	KUNIT_EXPECT_EQ(test, pci_enable_device(dev), -EINVAL);
	KUNIT_EXPECT_FALSE(test, pci_is_enabled(dev));
	pci_dev_put(dev);
	kfree(fn);
}

static void pci_setup_device_drops_all_ones_function(struct kunit *test)
{
	struct fake_fn *fn = fake_fn_new(test);
	struct pci_bus bus;
	struct pci_dev *dev;
	const char *out;
	u32 l;
	int ret;

	fake_put32(fn->cfg, PCI_CLASS_REVISION, 0xffffffff);
	fake_put32(fn->cfg, PCI_CACHE_LINE_SIZE, 0xffffffff);
	kunit_capture_start();
	dev = fake_dev(test, &bus, fn, &ret);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, -EIO);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "0000:42:00.0 [1af4:beef] "
					       "reads all ones"), 1);
	KUNIT_EXPECT_TRUE(test, pci_bus_read_dev_vendor_id(&bus, 0, &l));
	KUNIT_EXPECT_FALSE(test, pci_bus_read_dev_vendor_id(&bus, 8, &l));
	KUNIT_EXPECT_EQ(test, l, 0xffffffff);	/* no function: all ones */
	pci_dev_put(dev);
	kfree(fn);
}

/* A capability list in fn: entry i at where[i] with id ids[i]. */
static void fake_caps(struct fake_fn *fn, u8 first, const u8 *where,
		      const u8 *ids, const u8 *next, int n)
{
	int i;

	fn->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	fn->cfg[PCI_CAPABILITY_LIST] = first;
	for (i = 0; i < n; i++) {
		fn->cfg[where[i] + PCI_CAP_LIST_ID] = ids[i];
		fn->cfg[where[i] + PCI_CAP_LIST_NEXT] = next[i];
	}
}

static void pci_find_capability_walks_fake_lists(struct kunit *test)
{
	static const u8 where[] = { 0x40, 0x50, 0x60 };
	static const u8 ids[] = { PCI_CAP_ID_VNDR, PCI_CAP_ID_MSI,
				  PCI_CAP_ID_VNDR };
	static const u8 next[] = { 0x52, 0x60, 0 };	/* low bits ignored */
	struct fake_fn *fn = fake_fn_new(test);
	struct pci_bus bus;
	struct pci_dev *dev;
	int ret, i;

	dev = fake_dev(test, &bus, fn, &ret);
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_MSI), 0);
	fake_caps(fn, 0x43, where, ids, next, 3);
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_MSI), 0x50);
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_VNDR), 0x40);
	KUNIT_EXPECT_EQ(test, pci_find_next_capability(dev, 0x40,
			PCI_CAP_ID_VNDR), 0x60);
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_EXP), 0);
	/* 48 entries filling 0x40-0xff end properly: no loop. */
	for (i = 0; i < PCI_FIND_CAP_TTL; i++) {
		fn->cfg[0x40 + 4 * i] = i == PCI_FIND_CAP_TTL - 1 ?
					PCI_CAP_ID_MSIX : PCI_CAP_ID_VNDR;
		fn->cfg[0x41 + 4 * i] = i == PCI_FIND_CAP_TTL - 1 ?
					0 : 0x44 + 4 * i;
	}
	fn->cfg[PCI_CAPABILITY_LIST] = 0x40;
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_MSIX), 0xfc);
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_MSI), 0);
	KUNIT_EXPECT_FALSE(test, dev->cap_list_reported);
	pci_dev_put(dev);
	kfree(fn);
}

/* Walk fn's list for MSI twice: 0 both times, and one report of why. */
static void expect_bad_list(struct kunit *test, struct fake_fn *fn,
			    const char *why)
{
	struct pci_bus bus;
	struct pci_dev *dev;
	const char *out;
	int ret;

	kunit_capture_start();
	dev = fake_dev(test, &bus, fn, &ret);	/* walks it for EXP, MSI... */
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_MSI), 0);
	KUNIT_EXPECT_EQ(test, pci_find_capability(dev, PCI_CAP_ID_MSI), 0);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ_MSG(test, count_lines_with(out, why), 1, "%s", out);
	KUNIT_EXPECT_EQ(test, count_lines_with(out, "capability list"), 1);
	KUNIT_EXPECT_TRUE(test, dev->cap_list_reported);
	pci_dev_put(dev);
}

static void pci_find_capability_stops_bad_lists(struct kunit *test)
{
	static const u8 where[] = { 0x40, 0x44 };
	static const u8 ids[] = { PCI_CAP_ID_VNDR, PCI_CAP_ID_PM };
	static const u8 loop[] = { 0x44, 0x40 };
	static const u8 into_header[] = { 0x44, 0x20 };
	struct fake_fn *fn = fake_fn_new(test);

	fake_caps(fn, 0x40, where, ids, loop, 2);
	expect_bad_list(test, fn, "0000:42:00.0 capability list loops");
	fake_caps(fn, 0x40, where, ids, into_header, 2);
	expect_bad_list(test, fn, "capability list points into the standard "
			"header (next 0x20)");
	fake_caps(fn, 0x10, where, ids, into_header, 2);
	expect_bad_list(test, fn, "points into the standard header (next "
			"0x10)");
	kfree(fn);
}

static struct kunit_case pci_cases[] = {
	KUNIT_CASE(pci_get_device_finds_every_edu),
	KUNIT_CASE(pci_read_config_checks_alignment),
	KUNIT_CASE(pci_config_mechanism_matches_machine),
	KUNIT_CASE(pci_iomap_edu_bar0),
	KUNIT_CASE(pci_iomap_refuses_bad_bars),
	KUNIT_CASE(pci_find_capability_finds_edu_msi),
	KUNIT_CASE(pci_scan_finds_edu_behind_bridge),
	KUNIT_CASE(pci_set_master_sets_command_bit),
	KUNIT_CASE(pci_disable_device_clears_master),
	KUNIT_CASE(pci_proc_config_matches_config_space),
	KUNIT_CASE(pci_proc_devices_lists_every_device),
	KUNIT_CASE(pci_register_driver_binds_matching_devices),
	KUNIT_CASE(pci_register_driver_failing_probe_leaves_unbound),
	KUNIT_CASE(pci_setup_device_sizes_fake_bars),
	KUNIT_CASE(pci_setup_device_reports_broken_bars),
	KUNIT_CASE(pci_setup_device_drops_all_ones_function),
	KUNIT_CASE(pci_find_capability_walks_fake_lists),
	KUNIT_CASE(pci_find_capability_stops_bad_lists),
	{}
};

static struct kunit_suite pci_suite = {
	.name = "pci",
	.test_cases = pci_cases,
};
kunit_test_suite(pci_suite);
