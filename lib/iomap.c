/*
 * ioread/iowrite on a cookie that is either an ioremap() address or an
 * ioport_map() port cookie (see linux/io.h; Linux's lib/iomap.c).  The
 * cookie's value says which: at or above PIO_RESERVED it is an address
 * in the vmalloc/ioremap area, between PIO_OFFSET and PIO_RESERVED a
 * port.  Anything else is a bad cookie: the access does nothing, a read
 * returns all ones (what an absent device gives), and the first few are
 * reported.
 *
 * Locking: none; the accessors are single instructions.  The report
 * counter may lose a decrement in a race, which only prints one line
 * more.
 */
#include <linux/io.h>
#include <linux/printk.h>

static int bad_io_reports = 10;

static void bad_io_access(unsigned long cookie, const char *access,
			  unsigned long caller)
{
	if (bad_io_reports <= 0)
		return;
	bad_io_reports--;
	pr_err("Bad IO access at port %#lx (%s) from %pS\n", cookie, access,
	       (void *)caller);
}

/*
 * Run is_pio with port, or is_mmio; a bad cookie runs neither.  Used
 * in the accessors themselves, so _RET_IP_ names their caller.
 */
#define IO_COND(addr, is_pio, is_mmio, access) do {			\
	unsigned long port = (unsigned long)(addr);			\
	if (port >= PIO_RESERVED) {					\
		is_mmio;						\
	} else if (port >= PIO_OFFSET) {				\
		port &= PIO_MASK;					\
		is_pio;							\
	} else {							\
		bad_io_access(port, access, _RET_IP_);				\
	}								\
} while (0)

void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	if (port > PIO_MASK || nr > PIO_MASK + 1 - port)
		return NULL;
	return (void __iomem *)(port + PIO_OFFSET);
}

void ioport_unmap(void __iomem *addr)
{
}

u8 ioread8(const void __iomem *addr)
{
	u8 v = 0xff;

	IO_COND(addr, v = inb(port), v = readb(addr), "inb");
	return v;
}

u16 ioread16(const void __iomem *addr)
{
	u16 v = 0xffff;

	IO_COND(addr, v = inw(port), v = readw(addr), "inw");
	return v;
}

u32 ioread32(const void __iomem *addr)
{
	u32 v = 0xffffffff;

	IO_COND(addr, v = inl(port), v = readl(addr), "inl");
	return v;
}

void iowrite8(u8 v, void __iomem *addr)
{
	IO_COND(addr, outb(v, port), writeb(v, addr), "outb");
}

void iowrite16(u16 v, void __iomem *addr)
{
	IO_COND(addr, outw(v, port), writew(v, addr), "outw");
}

void iowrite32(u32 v, void __iomem *addr)
{
	IO_COND(addr, outl(v, port), writel(v, addr), "outl");
}
