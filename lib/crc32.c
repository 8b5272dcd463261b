/*
 * Bitwise CRC-32, little-endian (reflected) form.  Slow but tiny: it is
 * used to check that the boot command line arrived intact, not on any
 * fast path.
 */
#include <linux/crc32.h>

#define CRC32_POLY_LE	0xedb88320

u32 crc32_le(u32 crc, const void *p, size_t len)
{
	const u8 *b = p;
	int i;

	while (len--) {
		crc ^= *b++;
		for (i = 0; i < 8; i++)
			crc = (crc >> 1) ^ (crc & 1 ? CRC32_POLY_LE : 0);
	}
	return crc;
}
