/*
 * One hexadecimal digit's value (Linux's hex_to_bin()), shared by the
 * kstrto*() parsers and the cpio header parser.  Inline, so the host
 * build of fs/cpio.c needs no other file.
 */
#ifndef _LINUX_HEX_H
#define _LINUX_HEX_H

/* 0..15 for 0-9, a-f and A-F; -1 for any other character. */
static inline int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

#endif
