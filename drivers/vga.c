/*
 * The VGA text screen (80x25 at physical 0xb8000) as a second console:
 * light grey on black, scrolling up when full, the hardware cursor
 * following the text.  Reached through the direct map.  "\r" returns
 * to the start of the line and "\b" moves one column left, as a
 * terminal does, for the console tty's echo.
 *
 * The screen is 2000 of the 16384 cells of the 32 KiB text window, from
 * vga_origin on.  Scrolling moves vga_origin down one row and tells the
 * CRT controller (its start address), as Linux's vgacon does, instead of
 * copying 24 rows up: video memory is slow to read and write (under
 * QEMU each access is emulated, and a copy took a millisecond).  Only
 * when the screen reaches the window's end are its rows copied back to
 * the start, once every 179 lines.
 *
 * No lock yet, for the same reason as drivers/serial.c.
 */
#include <asm/io.h>
#include <asm/page.h>
#include <asm/vga.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/string.h>

#define VGA_TEXT_PHYS	0xb8000
#define VGA_CELLS	(32768 / 2)	/* the text window, 2 bytes a cell */
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */

/*
 * CRT controller registers (VGA reference): the start address (0x0c,
 * 0x0d) and the cursor's (0x0e, 0x0f), both cells in the text window.
 */
#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define VGA_CRTC_START_HI 0x0c
#define VGA_CRTC_START_LO 0x0d
#define VGA_CRTC_CURSOR_HI 0x0e
#define VGA_CRTC_CURSOR_LO 0x0f

static u16 *vga_mem;
static unsigned int vga_origin;		/* the cell shown top left */
static unsigned int vga_row, vga_col;

static void vga_crtc_write16(u8 index_hi, unsigned int value)
{
	outb(index_hi, VGA_CRTC_INDEX);
	outb(value >> 8, VGA_CRTC_DATA);
	outb(index_hi + 1, VGA_CRTC_INDEX);
	outb(value & 0xff, VGA_CRTC_DATA);
}

static void vga_set_cursor(void)
{
	vga_crtc_write16(VGA_CRTC_CURSOR_HI,
			 vga_origin + vga_row * VGA_COLS + vga_col);
}

static void vga_clear_row(unsigned int row)
{
	unsigned int col;

	for (col = 0; col < VGA_COLS; col++)
		vga_mem[vga_origin + row * VGA_COLS + col] = VGA_ATTR << 8 | ' ';
}

/* Show the screen one row further down the window. */
static void vga_scroll(void)
{
	if (vga_origin + (VGA_ROWS + 1) * VGA_COLS <= VGA_CELLS) {
		vga_origin += VGA_COLS;
	} else {
		memmove(vga_mem, vga_mem + vga_origin + VGA_COLS,
			(VGA_ROWS - 1) * VGA_COLS * sizeof(*vga_mem));
		vga_origin = 0;
	}
	vga_clear_row(VGA_ROWS - 1);
	vga_crtc_write16(VGA_CRTC_START_HI, vga_origin);
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	vga_row = VGA_ROWS - 1;
	vga_scroll();
}

static void vga_putc(char c)
{
	unsigned int col;

	switch (c) {
	case '\n':
		vga_newline();
		return;
	case '\r':		/* the terminal's echo and ONLCR send these */
		vga_col = 0;
		return;
	case '\b':		/* from a snapshot: never below column 0 */
		col = READ_ONCE(vga_col);
		if (col > 0)
			vga_col = col - 1;
		return;
	}
	vga_mem[vga_origin + vga_row * VGA_COLS + vga_col] = VGA_ATTR << 8 | (u8)c;
	if (++vga_col == VGA_COLS)
		vga_newline();
}

void vga_write(const char *s, unsigned int len)
{
	while (len--)
		vga_putc(*s++);
	vga_set_cursor();
}

static struct console vga_console = {
	.name = "vga",
	.write = vga_write,
};

void vga_init(void)
{
	unsigned int row;

	vga_mem = phys_to_virt(VGA_TEXT_PHYS);
	vga_origin = 0;
	vga_crtc_write16(VGA_CRTC_START_HI, vga_origin);
	for (row = 0; row < VGA_ROWS; row++)
		vga_clear_row(row);
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
