/*
 * CRC-32 (IEEE 802.3, reflected polynomial 0xedb88320), lib/crc32.c.
 * Like Linux's crc32_le() it neither pre- nor post-inverts: the zlib /
 * Ethernet value of a buffer is ~crc32_le(~0, p, len).
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

u32 crc32_le(u32 crc, const void *p, size_t len);

#endif
