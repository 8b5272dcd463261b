/*
 * lspci's output for one function, in the words and layout of pciutils'
 * lspci (3.x): the one-line form, and with -v the Subsystem, Flags,
 * regions, expansion ROM, bridge windows, capabilities and kernel
 * driver lines, then a blank line.  -vv's register dumps are not there.
 *
 * The capability list is walked from the configuration space the file
 * gave (256 bytes at most); a pointer already visited ends the walk
 * with "<chain looped>", as pciutils does, so a list that loops cannot
 * hang it, and a capability past what the file gave is "<access
 * denied>" (what pciutils prints when only 64 bytes are readable).
 */
#include <stdio.h>
#include <string.h>

#include "lspci.h"

#define FLAG(x, bit)	((x) & (bit) ? '+' : '-')

static const struct lspci_opts *opts;

/* "Host bridge", "Bridge [0680]", "Class 1234", or "0600" with -n. */
static void print_class(unsigned int cls)
{
	const char *name = pci_class_name(cls);

	if (opts->numeric == 1)
		printf("%04x", cls);
	else if (name)
		printf(opts->numeric ? "%s [%04x]" : "%s", name, cls);
	else if ((name = pci_base_class_name(cls >> 8)))
		printf("%s [%04x]", name, cls);
	else
		printf(opts->numeric ? "Class [%04x]" : "Class %04x", cls);
}

/* "Intel Corporation Device 1237", "Device 1234:11e8", or the numbers. */
static void print_vendor_device(unsigned int vendor, unsigned int device)
{
	const char *v = pci_vendor_name(vendor);

	if (opts->numeric == 1)
		printf("%04x:%04x", vendor, device);
	else if (!v)
		printf(opts->numeric ? "Device [%04x:%04x]" : "Device %04x:%04x",
		       vendor, device);
	else
		printf(opts->numeric ? "%s Device [%04x:%04x]" : "%s Device %04x",
		       v, opts->numeric ? vendor : device, device);
}

/* IDE controllers' programming interface, which pciutils decodes. */
static void print_prog_if(const struct pci_func *f)
{
	unsigned int cls = cfg_word(f, PCI_CLASS_DEVICE);
	unsigned int pi = cfg_byte(f, PCI_CLASS_PROG);
	char name[40] = "";

	if (cls == 0x0101 && !(pi & 0x70))
		snprintf(name, sizeof(name), "%s%s%s%s%s",
			 pi & 0x80 ? " Master" : "", pi & 0x08 ? " SecP" : "",
			 pi & 0x04 ? " SecO" : "", pi & 0x02 ? " PriP" : "",
			 pi & 0x01 ? " PriO" : "");
	if (!pi && !name[0])
		return;
	printf(" (prog-if %02x", pi);
	if (name[0])
		printf(" [%s]", name + 1);
	putchar(')');
}

static void show_terse(const struct pci_func *f)
{
	unsigned int rev = cfg_byte(f, PCI_REVISION_ID);
	unsigned int sv, sd;

	printf("%02x:%02x.%d ", f->bus, f->dev, f->func);
	print_class(cfg_word(f, PCI_CLASS_DEVICE));
	printf(": ");
	print_vendor_device(f->vendor, f->device);
	if (rev)
		printf(" (rev %02x)", rev);
	if (opts->verbose)
		print_prog_if(f);
	putchar('\n');
	if (!opts->verbose && !opts->kernel)
		return;
	if ((cfg_byte(f, PCI_HEADER_TYPE) & 0x7f) != PCI_HEADER_TYPE_NORMAL)
		return;
	sv = cfg_word(f, PCI_SUBSYSTEM_VENDOR_ID);
	sd = cfg_word(f, PCI_SUBSYSTEM_ID);
	if (sv && sv != 0xffff) {
		printf("\tSubsystem: ");
		print_vendor_device(sv, sd);
		putchar('\n');
	}
}

static void show_size(unsigned long long x)
{
	static const char *const suffix[] = { "", "K", "M", "G", "T" };
	unsigned int i;

	if (!x)
		return;
	for (i = 0; i < 4 && !(x % 1024); i++)
		x /= 1024;
	printf(" [size=%u%s]", (unsigned int)x, suffix[i]);
}

static void show_io_base(unsigned long long pos, unsigned int hw,
			 unsigned int cmd, int virt)
{
	unsigned long long a = pos & PCI_BASE_ADDRESS_IO_MASK;

	printf("I/O ports at ");
	if (a || (cmd & PCI_COMMAND_IO))
		printf("%04llx", a);
	else
		printf(hw ? "<ignored>" : "<unassigned>");
	if (virt)
		printf(" [virtual]");
	else if (!(cmd & PCI_COMMAND_IO))
		printf(" [disabled]");
}

static void show_mem_base(unsigned long long pos, unsigned int flg,
			  unsigned int hw, unsigned int cmd, int virt,
			  int broken)
{
	static const char *const types[] = { "32-bit", "low-1M", "64-bit",
					     "type 3" };
	unsigned long long a = pos & PCI_BASE_ADDRESS_MEM_MASK;

	printf("Memory at ");
	if (broken)
		printf("<broken-64-bit-slot>");
	else if (a)
		printf("%08llx", a);
	else
		printf(hw ? "<ignored>" : "<unassigned>");
	printf(" (%s, %sprefetchable)",
	       types[(flg & PCI_BASE_ADDRESS_MEM_TYPE_MASK) >> 1],
	       flg & PCI_BASE_ADDRESS_MEM_PREFETCH ? "" : "non-");
	if (virt)
		printf(" [virtual]");
	else if (!(cmd & PCI_COMMAND_MEMORY))
		printf(" [disabled]");
}

/* The first cnt base address registers, as "Memory at" / "I/O ports at". */
static void show_bases(const struct pci_func *f, int cnt)
{
	unsigned int cmd = cfg_word(f, PCI_COMMAND);
	unsigned int flg, hw, hw_upper;
	int i, broken, virt;

	for (i = 0; i < cnt; i++) {
		unsigned long long pos = f->base[i], len = f->size[i];

		flg = cfg_long(f, PCI_BASE_ADDRESS_0 + 4 * i);
		flg = flg == 0xffffffff ? 0 : flg;
		if (!pos && !flg && !len)
			continue;
		hw_upper = broken = virt = 0;
		hw = flg & (flg & PCI_BASE_ADDRESS_SPACE_IO ? ~0x3u : ~0xfu);
		if (!(flg & PCI_BASE_ADDRESS_SPACE_IO) &&
		    (flg & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64) {
			if (i >= cnt - 1)
				broken = 1;
			else
				hw_upper = cfg_long(f, PCI_BASE_ADDRESS_0 + 4 * ++i);
		}
		if (pos && !hw && !hw_upper) {	/* the OS's, not the device's */
			flg = pos;
			virt = 1;
		}
		putchar('\t');
		if (flg & PCI_BASE_ADDRESS_SPACE_IO)
			show_io_base(pos, hw, cmd, virt);
		else
			show_mem_base(pos, flg, hw | hw_upper, cmd, virt, broken);
		show_size(len);
		putchar('\n');
	}
}

static void show_rom(const struct pci_func *f, int reg)
{
	unsigned long long rom = f->base[6], len = f->size[6];
	unsigned int flg = cfg_long(f, reg), cmd = cfg_word(f, PCI_COMMAND);
	int virt = 0;

	if (!rom && !flg && !len)
		return;
	if ((rom & PCI_ROM_ADDRESS_MASK) && !(flg & PCI_ROM_ADDRESS_MASK)) {
		flg = rom;
		virt = 1;
	}
	printf("\tExpansion ROM at ");
	if (rom & PCI_ROM_ADDRESS_MASK)
		printf("%08llx", rom & PCI_ROM_ADDRESS_MASK);
	else
		printf(flg & PCI_ROM_ADDRESS_MASK ? "<ignored>" : "<unassigned>");
	if (virt)
		printf(" [virtual]");
	if (!(flg & PCI_ROM_ADDRESS_ENABLE))
		printf(" [disabled]");
	else if (!virt && !(cmd & PCI_COMMAND_MEMORY))
		printf(" [disabled by cmd]");
	show_size(len);
	putchar('\n');
}

static void cap_express(unsigned int cap)
{
	static const char *const types[] = {
		"Endpoint", "Legacy Endpoint", NULL, NULL, "Root Port",
		"Upstream Port", "Downstream Port",
		"PCI-Express to PCI/PCI-X Bridge",
		"PCI/PCI-X to PCI-Express Bridge",
		"Root Complex Integrated Endpoint",
		"Root Complex Event Collector",
	};
	unsigned int type = (cap & PCI_EXP_FLAGS_TYPE) >> 4;

	printf("Express ");
	if (type < sizeof(types) / sizeof(types[0]) && types[type])
		printf("%s", types[type]);
	else
		printf("Unknown type %u", type);
	if (type == 4 || type == 6 || type == 8)
		printf(" (Slot%c)", FLAG(cap, PCI_EXP_FLAGS_SLOT));
	printf(", MSI %02x\n", (cap & PCI_EXP_FLAGS_IRQ) >> 9);
}

static void show_cap(unsigned int id, unsigned int cap)
{
	switch (id) {
	case PCI_CAP_ID_PM:
		printf("Power Management version %u\n", cap & 7);
		break;
	case PCI_CAP_ID_MSI:
		printf("MSI: Enable%c Count=%d/%d Maskable%c 64bit%c\n",
		       FLAG(cap, PCI_MSI_FLAGS_ENABLE),
		       1 << ((cap & PCI_MSI_FLAGS_QSIZE) >> 4),
		       1 << ((cap & PCI_MSI_FLAGS_QMASK) >> 1),
		       FLAG(cap, PCI_MSI_FLAGS_MASK_BIT),
		       FLAG(cap, PCI_MSI_FLAGS_64BIT));
		break;
	case PCI_CAP_ID_VNDR:
		printf("Vendor Specific Information: Len=%02x <?>\n", cap & 0xff);
		break;
	case PCI_CAP_ID_EXP:
		cap_express(cap);
		break;
	case PCI_CAP_ID_MSIX:
		printf("MSI-X: Enable%c Count=%d Masked%c\n",
		       FLAG(cap, PCI_MSIX_ENABLE), (cap & PCI_MSIX_TABSIZE) + 1,
		       FLAG(cap, PCI_MSIX_MASK));
		break;
	default:
		printf("#%02x [%04x]\n", id, cap);
	}
}

/* Walk the capability list; each offset is visited once at most. */
static void show_caps(const struct pci_func *f)
{
	unsigned char seen[CONFIG_SIZE];
	unsigned int where, id;

	if (!(cfg_word(f, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return;
	memset(seen, 0, sizeof(seen));
	where = cfg_byte(f, PCI_CAPABILITY_LIST) & ~3u;
	while (where) {
		printf("\tCapabilities: ");
		if (where + 4 > f->config_len) {
			printf("<access denied>\n");
			break;
		}
		printf("[%02x] ", where);
		if (seen[where]++) {
			printf("<chain looped>\n");
			break;
		}
		id = cfg_byte(f, where);
		if (id == 0xff) {
			printf("<chain broken>\n");
			break;
		}
		show_cap(id, cfg_word(f, where + 2));
		where = cfg_byte(f, where + 1) & ~3u;
	}
}

/* A bridge window: "\tI/O behind bridge: 0000c000-0000cfff [size=4K]". */
static void show_range(const char *what, unsigned long long base,
		       unsigned long long limit, int is64)
{
	printf("\t%s:", what);
	if (base <= limit) {
		if (is64)
			printf(" %016llx-%016llx", base, limit);
		else
			printf(" %08llx-%08llx", base, limit);
		show_size(limit - base + 1);
	} else {
		printf(" [disabled]");
	}
	putchar('\n');
}

static void show_bridge_windows(const struct pci_func *f)
{
	unsigned int io_b = cfg_byte(f, PCI_IO_BASE), io_l = cfg_byte(f, PCI_IO_LIMIT);
	unsigned int mem_b = cfg_word(f, PCI_MEMORY_BASE);
	unsigned int mem_l = cfg_word(f, PCI_MEMORY_LIMIT);
	unsigned int pf_b = cfg_word(f, PCI_PREF_MEMORY_BASE);
	unsigned int pf_l = cfg_word(f, PCI_PREF_MEMORY_LIMIT);
	unsigned long long b, l;
	unsigned int t = io_b & PCI_IO_RANGE_TYPE_MASK;

	if (t != (io_l & PCI_IO_RANGE_TYPE_MASK) || t > PCI_IO_RANGE_TYPE_32) {
		printf("\t!!! Unknown I/O range types %x/%x\n", io_b, io_l);
	} else {
		b = (io_b & 0xf0) << 8;
		l = (io_l & 0xf0) << 8;
		if (t == PCI_IO_RANGE_TYPE_32) {
			b |= (unsigned long long)cfg_word(f, PCI_IO_BASE_UPPER16) << 16;
			l |= (unsigned long long)cfg_word(f, PCI_IO_LIMIT_UPPER16) << 16;
		}
		show_range("I/O behind bridge", b, l + 0xfff, 0);
	}
	if ((mem_b & PCI_MEMORY_RANGE_TYPE_MASK) ||
	    (mem_l & PCI_MEMORY_RANGE_TYPE_MASK))
		printf("\t!!! Unknown memory range types %x/%x\n", mem_b, mem_l);
	else
		show_range("Memory behind bridge", (mem_b & ~0xfu) << 16,
			   ((mem_l & ~0xfu) << 16) + 0xfffff, 0);
	t = pf_b & PCI_PREF_RANGE_TYPE_MASK;
	if (t != (pf_l & PCI_PREF_RANGE_TYPE_MASK) || t > PCI_PREF_RANGE_TYPE_64) {
		printf("\t!!! Unknown prefetchable memory range types %x/%x\n",
		       pf_b, pf_l);
		return;
	}
	b = (unsigned long long)(pf_b & ~0xfu) << 16;
	l = (unsigned long long)(pf_l & ~0xfu) << 16;
	if (t == PCI_PREF_RANGE_TYPE_64) {
		b |= (unsigned long long)cfg_long(f, PCI_PREF_BASE_UPPER32) << 32;
		l |= (unsigned long long)cfg_long(f, PCI_PREF_LIMIT_UPPER32) << 32;
	}
	show_range("Prefetchable memory behind bridge", b, l + 0xfffff,
		   t == PCI_PREF_RANGE_TYPE_64);
}

static void show_flags(const struct pci_func *f)
{
	static const char *const devsel[] = { "fast", "medium", "slow", "??" };
	unsigned int cmd = cfg_word(f, PCI_COMMAND);
	unsigned int status = cfg_word(f, PCI_STATUS);
	unsigned int bist = cfg_byte(f, PCI_BIST);

	printf("\tFlags: %s%s%s%s%s%s%s devsel",
	       cmd & PCI_COMMAND_MASTER ? "bus master, " : "",
	       cmd & PCI_COMMAND_VGA_PALETTE ? "VGA palette snoop, " : "",
	       cmd & PCI_COMMAND_WAIT ? "stepping, " : "",
	       cmd & PCI_COMMAND_FAST_BACK ? "fast Back2Back, " : "",
	       status & PCI_STATUS_66MHZ ? "66MHz, " : "",
	       status & PCI_STATUS_UDF ? "user-definable features, " : "",
	       devsel[(status >> PCI_STATUS_DEVSEL_SHIFT) & 3]);
	if (cmd & PCI_COMMAND_MASTER)
		printf(", latency %u", cfg_byte(f, PCI_LATENCY_TIMER));
	if (f->irq)
		printf(", IRQ %u", f->irq);
	putchar('\n');
	if (!(bist & PCI_BIST_CAPABLE))
		return;
	if (bist & PCI_BIST_START)
		printf("\tBIST is running\n");
	else
		printf("\tBIST result: %02x\n", bist & PCI_BIST_CODE_MASK);
}

/* The header-type checks pciutils makes; 0 when the type is unknown. */
static int check_header(const struct pci_func *f, unsigned int htype)
{
	unsigned int cls = cfg_word(f, PCI_CLASS_DEVICE);

	if (htype > PCI_HEADER_TYPE_CARDBUS) {
		printf("\t!!! Unknown header type %02x\n", htype);
		return 0;
	}
	if (htype == PCI_HEADER_TYPE_NORMAL ? cls == 0x0604 : cls >> 8 != 0x06)
		printf("\t!!! Invalid class %04x for header type %02x\n", cls,
		       htype);
	return 1;
}

static void show_bus_numbers(const struct pci_func *f)
{
	printf("\tBus: primary=%02x, secondary=%02x, subordinate=%02x, "
	       "sec-latency=%u\n", cfg_byte(f, PCI_PRIMARY_BUS),
	       cfg_byte(f, PCI_SECONDARY_BUS), cfg_byte(f, PCI_SUBORDINATE_BUS),
	       cfg_byte(f, PCI_SEC_LATENCY_TIMER));
}

static void show_verbose(const struct pci_func *f)
{
	unsigned int htype = cfg_byte(f, PCI_HEADER_TYPE) & 0x7f;

	if (!check_header(f, htype))
		return;
	show_flags(f);
	switch (htype) {
	case PCI_HEADER_TYPE_NORMAL:
		show_bases(f, 6);
		show_rom(f, PCI_ROM_ADDRESS);
		show_caps(f);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		show_bases(f, 2);
		show_bus_numbers(f);
		show_bridge_windows(f);
		show_rom(f, PCI_ROM_ADDRESS1);
		show_caps(f);
		break;
	default:			/* CardBus: its windows are not shown */
		show_bases(f, 1);
		show_bus_numbers(f);
	}
}

void show_func(const struct pci_func *f, const struct lspci_opts *o)
{
	opts = o;
	show_terse(f);
	if (o->verbose)
		show_verbose(f);
	if ((o->verbose || o->kernel) && f->driver[0])
		printf("\tKernel driver in use: %s\n", f->driver);
	if (o->verbose)
		putchar('\n');
}
