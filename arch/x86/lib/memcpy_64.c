/*
 * memcpy() and memset() for x86-64: string instructions in place of
 * lib/string.c's byte loops (Linux's arch/x86/lib/memcpy_64.S and
 * memset_64.S, which pick between the same two ways with alternatives).
 *
 * On a CPU with ERMS (enhanced rep movsb/stosb, CPUID.(EAX=7):EBX bit
 * 9) a single rep movsb or rep stosb is the fastest way at every size:
 * the microcode moves whole cache lines when it can.  Without it, byte
 * strings are slow, so rep movsq/stosq moves the 8-byte words and rep
 * movsb/stosb the n % 8 bytes left.  The boot CPU sets cpu_has_erms
 * (arch/x86/kernel/cpu.c); both ways are right on every x86-64 CPU, so
 * calls made before, or while a test switches it, only differ in speed.
 *
 * Both copy upwards (the direction flag is clear in the kernel), which
 * memmove() relies on when the destination is below the source.
 *
 * Locking: none.
 */
#include <asm/percpu.h>
#include <linux/string.h>
#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t words = n / 8;

	if (cpu_has_erms) {
		__asm__ __volatile__("rep movsb"
				     : "+D"(d), "+S"(src), "+c"(n) : : "memory");
		return dst;
	}
	__asm__ __volatile__("rep movsq\n\t"
			     "movl %k[tail], %%ecx\n\t"
			     "rep movsb"
			     : "+D"(d), "+S"(src), "+c"(words)
			     : [tail] "r"(n % 8) : "memory");
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	u64 pattern = 0x0101010101010101ULL * (u8)c;
	size_t words = n / 8;
	void *d = s;

	if (cpu_has_erms) {
		__asm__ __volatile__("rep stosb"
				     : "+D"(d), "+c"(n) : "a"(c) : "memory");
		return s;
	}
	__asm__ __volatile__("rep stosq\n\t"
			     "movl %k[tail], %%ecx\n\t"
			     "rep stosb"
			     : "+D"(d), "+c"(words)
			     : "a"(pattern), [tail] "r"(n % 8) : "memory");
	return s;
}
