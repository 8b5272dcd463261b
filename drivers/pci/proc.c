/*
 * /proc/bus/pci (Linux's drivers/pci/proc.c): what lspci reads.
 *
 *   /proc/bus/pci/devices   one line per device: bus and devfn, vendor
 *       and device, irq, then for BARs 0-5 and the ROM each start ORed
 *       with the BAR's low flag bits, then their sizes, then the bound
 *       driver's name (fields separated by tabs, numbers in hex);
 *   /proc/bus/pci/BB/DD.F   the function's configuration space, 256
 *       bytes (4096 for a PCIe function reached through ECAM): read at
 *       any offset and length; nothing past the end.
 *
 * A config file's read uses the widest aligned accesses the range
 * allows (dword, else word, else byte), as Linux's does; every byte
 * comes out in the order it sits in configuration space.  Linux lets
 * root write these files and lets others read only the first 64 bytes;
 * here they are read-only and whole, to every reader.
 *
 * Invariants: the directories and files exist for every device once
 * pci_proc_init() has run (the enumeration is over by then) and never
 * go away.  Locking: the devices file is made under pci_driver_mutex,
 * so each line's driver name is the binding of that moment; config
 * reads need no lock of their own (access.c).
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "pci.h"

#define PCI_REGION_FLAG_MASK	0x0fU	/* a BAR's low bits in flags */
#define PROC_PCI_CHUNK		64	/* bytes read before each copy out */

static struct proc_dir_entry *proc_bus_pci_dir;
static bool proc_initialized;

static loff_t proc_bus_pci_lseek(struct file *file, loff_t off, int whence)
{
	struct pci_dev *dev = pde_data(file_inode(file));
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		pos = file->f_pos + off;
		break;
	case SEEK_END:
		pos = dev->cfg_size + off;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > dev->cfg_size)
		return -EINVAL;
	return file->f_pos = pos;
}

/* len bytes of dev's config space from pos into buf, widest access first. */
static void pci_read_config_span(struct pci_dev *dev, int pos, u8 *buf,
				 int len)
{
	u32 v32;
	u16 v16;
	u8 v8;

	while (len > 0) {
		if (!(pos & 3) && len >= 4) {
			pci_read_config_dword(dev, pos, &v32);
			memcpy(buf, &v32, 4);	/* little-endian, as the bus */
			pos += 4, buf += 4, len -= 4;
		} else if (!(pos & 1) && len >= 2) {
			pci_read_config_word(dev, pos, &v16);
			memcpy(buf, &v16, 2);
			pos += 2, buf += 2, len -= 2;
		} else {
			pci_read_config_byte(dev, pos, &v8);
			*buf = v8;
			pos++, buf++, len--;
		}
	}
}

static ssize_t proc_bus_pci_read(struct file *file, char __user *buf,
				 size_t nbytes, loff_t *ppos)
{
	struct pci_dev *dev = pde_data(file_inode(file));
	u8 chunk[PROC_PCI_CHUNK];
	loff_t pos = *ppos;
	size_t done = 0, n;

	if (pos < 0)
		return -EINVAL;
	if (pos >= dev->cfg_size)
		return 0;
	nbytes = min(nbytes, (size_t)(dev->cfg_size - pos));
	while (done < nbytes) {
		n = min(nbytes - done, sizeof(chunk));
		pci_read_config_span(dev, pos, chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (ssize_t)done : -EFAULT;
		pos += n;
		done += n;
		*ppos = pos;
	}
	return done;
}

static const struct file_operations proc_bus_pci_fops = {
	.llseek = proc_bus_pci_lseek,
	.read = proc_bus_pci_read,
};

/* One line of /proc/bus/pci/devices for dev into buf; its length. */
static size_t pci_show_device(const struct pci_dev *dev, char *buf,
			      size_t size)
{
	const struct resource *r;
	size_t len;
	int i;

	len = scnprintf(buf, size, "%02x%02x\t%04x%04x\t%x", dev->bus->number,
			dev->devfn, dev->vendor, dev->device, dev->irq);
	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		r = &dev->resource[i];
		len += scnprintf(buf + len, size - len, "\t%16llx",
				 (unsigned long long)(r->start |
				 (r->flags & PCI_REGION_FLAG_MASK)));
	}
	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		r = &dev->resource[i];
		len += scnprintf(buf + len, size - len, "\t%16llx",
				 r->start < r->end ?
				 (unsigned long long)(r->end - r->start + 1) : 0);
	}
	return len + scnprintf(buf + len, size - len, "\t%s\n",
			       dev->driver ? dev->driver->name : "");
}

static ssize_t pci_devices_fill(pid_t pid, char *buf, size_t size)
{
	struct pci_dev *dev = NULL;
	size_t len = 0;

	mutex_lock(&pci_driver_mutex);
	for_each_pci_dev(dev)
		len += pci_show_device(dev, buf + len, size - len);
	mutex_unlock(&pci_driver_mutex);
	return len;
}

int pci_proc_attach_device(struct pci_dev *dev)
{
	struct pci_bus *bus = dev->bus;
	struct proc_dir_entry *e;
	char name[16];

	if (!proc_initialized)
		return -EACCES;
	if (!bus->procdir) {
		snprintf(name, sizeof(name), "%02x", bus->number);
		bus->procdir = proc_mkdir(name, proc_bus_pci_dir);
		if (!bus->procdir)
			return -ENOMEM;
	}
	snprintf(name, sizeof(name), "%02x.%x", PCI_SLOT(dev->devfn),
		 PCI_FUNC(dev->devfn));
	e = proc_create_data(name, S_IFREG | 0444, bus->procdir,
			     &proc_bus_pci_fops, dev);
	if (!e)
		return -ENOMEM;
	proc_set_size(e, dev->cfg_size);
	return 0;
}

static int pci_proc_init(void)
{
	struct pci_dev *dev = NULL;

	proc_bus_pci_dir = proc_mkdir("bus/pci", NULL);
	if (!proc_bus_pci_dir ||
	    !proc_create_single("devices", 0, proc_bus_pci_dir,
				pci_devices_fill))
		return -ENOMEM;
	proc_initialized = true;
	for_each_pci_dev(dev)
		pci_proc_attach_device(dev);
	return 0;
}
device_initcall(pci_proc_init);
