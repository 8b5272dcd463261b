/*
 * The VGA text screen (80x25 at physical 0xb8000) as a second console:
 * light grey on black, scrolling up when full, the hardware cursor
 * following the text.  Reached through the direct map.  "\r" returns
 * to the start of the line and "\b" moves one column left, as a
 * terminal does, for the console tty's echo.
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
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */

/* CRT controller registers (VGA reference: CRTC index 0x0e/0x0f, cursor) */
#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define VGA_CRTC_CURSOR_HI 0x0e
#define VGA_CRTC_CURSOR_LO 0x0f

static u16 *vga_mem;
static unsigned int vga_row, vga_col;

static void vga_set_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CRTC_CURSOR_HI, VGA_CRTC_INDEX);
	outb(pos >> 8, VGA_CRTC_DATA);
	outb(VGA_CRTC_CURSOR_LO, VGA_CRTC_INDEX);
	outb(pos & 0xff, VGA_CRTC_DATA);
}

static void vga_clear_row(unsigned int row)
{
	unsigned int col;

	for (col = 0; col < VGA_COLS; col++)
		vga_mem[row * VGA_COLS + col] = VGA_ATTR << 8 | ' ';
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(*vga_mem));
	vga_row = VGA_ROWS - 1;
	vga_clear_row(vga_row);
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
	vga_mem[vga_row * VGA_COLS + vga_col] = VGA_ATTR << 8 | (u8)c;
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
	for (row = 0; row < VGA_ROWS; row++)
		vga_clear_row(row);
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
