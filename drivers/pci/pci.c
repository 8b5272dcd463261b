/*
 * What a driver does to a device it owns (Linux's drivers/pci/pci.c):
 * find its capabilities, turn on decoding of its BARs, let it master
 * the bus; and the pci= command-line option.
 *
 * Capabilities (PCI 3.0, 6.7) form a list in configuration space: the
 * byte at PCI_CAPABILITY_LIST points at the first entry, each entry is
 * an id byte and a next byte, and 0 ends the list.  Entries live after
 * the standard header, so a pointer below 0x40 is broken (as is a list
 * longer than PCI_FIND_CAP_TTL entries, which can only be a loop: 192
 * bytes hold at most 48 four-byte entries).  The walk stops at either
 * and reports it once per device; the low two bits of a pointer are
 * reserved and ignored.
 *
 * Invariants: enable_cnt counts pci_enable_device() calls not yet
 * undone, never below 0 (an extra pci_disable_device() is refused and
 * reported); the command register's decode bits are set on the first
 * enable, its master bit cleared by the last disable.
 *
 * Locking: none; the device's driver owns these registers (see
 * access.c).  enable_cnt is atomic so that Linux's calling pattern
 * works, not because two owners are expected.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <linux/init.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "pci.h"

#define PCI_CB_CAPABILITY_LIST	0x14	/* CardBus bridges keep it here */

/* Why the walk that ended at pos stopped early, or NULL. */
static const char *pci_cap_walk_problem(u8 pos, int ttl)
{
	if (pos && pos < PCI_STD_HEADER_SIZEOF)
		return "points into the standard header";
	if (pos && ttl == 0)
		return "loops";
	return NULL;
}

static void pci_cap_report(struct pci_dev *dev, const char *why, u8 pos)
{
	if (!why || dev->cap_list_reported)
		return;
	dev->cap_list_reported = true;
	pr_warn("%s capability list %s (next %#04x); walk stopped\n",
		pci_name(dev), why, pos);
}

/* Walk from the pointer at pos for cap, over at most *ttl entries. */
static u8 __pci_find_next_cap_ttl(struct pci_dev *dev, u8 pos, int cap,
				  int *ttl)
{
	u16 ent;
	u8 id;

	pci_read_config_byte(dev, pos, &pos);
	while (*ttl > 0 && pos >= PCI_STD_HEADER_SIZEOF) {
		(*ttl)--;
		pos &= ~3;
		pci_read_config_word(dev, pos, &ent);
		id = ent & 0xff;
		if (id == 0xff)
			return 0;	/* an absent function reads ones */
		if (id == cap)
			return pos;
		pos = ent >> 8;
	}
	pci_cap_report(dev, pci_cap_walk_problem(pos, *ttl), pos);
	return 0;
}

static u8 __pci_find_next_cap(struct pci_dev *dev, u8 pos, int cap)
{
	int ttl = PCI_FIND_CAP_TTL;

	return __pci_find_next_cap_ttl(dev, pos, cap, &ttl);
}

u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	return __pci_find_next_cap(dev, pos + PCI_CAP_LIST_NEXT, cap);
}

/* Where the list's first pointer is for dev's header type, or 0. */
static u8 pci_find_cap_start(struct pci_dev *dev)
{
	u16 status;

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
	case PCI_HEADER_TYPE_BRIDGE:
		return PCI_CAPABILITY_LIST;
	case PCI_HEADER_TYPE_CARDBUS:
		return PCI_CB_CAPABILITY_LIST;
	}
	return 0;
}

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u8 pos = pci_find_cap_start(dev);

	return pos ? __pci_find_next_cap(dev, pos, cap) : 0;
}

/* The decode bits dev's BARs need: 0, or -EINVAL if one is unassigned. */
static int pci_resources_command(struct pci_dev *dev, u16 *cmd)
{
	const struct resource *r;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		r = &dev->resource[i];
		if (!r->flags)
			continue;
		if (i == PCI_ROM_RESOURCE && !(r->flags & IORESOURCE_ROM_ENABLE))
			continue;
		if (r->flags & IORESOURCE_UNSET) {
			dev_err(&dev->dev, "can't enable device: BAR %d not "
				"assigned\n", i);
			return -EINVAL;
		}
		if (r->flags & IORESOURCE_IO)
			*cmd |= PCI_COMMAND_IO;
		if (r->flags & IORESOURCE_MEM)
			*cmd |= PCI_COMMAND_MEMORY;
	}
	return 0;
}

static int pci_enable_resources(struct pci_dev *dev)
{
	u16 cmd, old;
	int ret;

	ret = pcibios_err_to_errno(pci_read_config_word(dev, PCI_COMMAND,
							&cmd));
	if (ret)
		return ret;
	old = cmd;
	ret = pci_resources_command(dev, &cmd);
	if (ret || cmd == old)
		return ret;
	dev_info(&dev->dev, "enabling device (%04x -> %04x)\n", old, cmd);
	return pcibios_err_to_errno(pci_write_config_word(dev, PCI_COMMAND,
							  cmd));
}

int pci_enable_device(struct pci_dev *dev)
{
	int ret;

	if (atomic_inc_return(&dev->enable_cnt) > 1)
		return 0;		/* already enabled */
	ret = pci_enable_resources(dev);
	if (ret)
		atomic_dec(&dev->enable_cnt);
	return ret;
}

static void __pci_set_master(struct pci_dev *dev, bool enable)
{
	u16 old, cmd;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = enable ? old | PCI_COMMAND_MASTER : old & ~PCI_COMMAND_MASTER;
	if (cmd != old)
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	dev->is_busmaster = enable;
}

void pci_disable_device(struct pci_dev *dev)
{
	if (atomic_read(&dev->enable_cnt) <= 0) {
		dev_warn(&dev->dev, "disabling already-disabled device, "
			 "ignored\n");
		return;
	}
	if (atomic_dec_return(&dev->enable_cnt) != 0)
		return;
	__pci_set_master(dev, false);
}

void pci_set_master(struct pci_dev *dev)
{
	__pci_set_master(dev, true);
}

void pci_clear_master(struct pci_dev *dev)
{
	__pci_set_master(dev, false);
}

/*
 * pci=WORD,WORD...: "nomsi" (every device on INTx) is handled here,
 * other words go to the architecture (x86: "nommconf"), and one nobody
 * takes is named in the log.
 */
static int pci_setup(char *str)
{
	char *next;

	for (; str && *str; str = next) {
		next = strchr(str, ',');
		if (next)
			*next++ = '\0';
		if (!strcmp(str, "nomsi"))
			pci_no_msi();
		else if (*str && pcibios_setup(str))
			pr_err("unknown option pci=%s\n", str);
	}
	return 1;
}
__setup("pci=", pci_setup);
