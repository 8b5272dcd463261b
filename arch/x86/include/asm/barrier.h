/*
 * Memory barriers between CPUs on x86 (Linux's asm/barrier.h).
 *
 * x86 keeps stores in order with stores and loads in order with loads;
 * the one reordering another CPU can see is a load passing an earlier
 * store to a different address (Intel SDM vol. 3, 9.2.2).  Locked
 * instructions, which every read-modify-write in linux/atomic.h
 * compiles to, are ordered against all loads and stores.  So:
 *
 *   smp_mb()                a full barrier: orders a store before a
 *                           later load, the one case x86 does not;
 *   smp_mb__before_atomic() make an atomic operation that returns no
 *   smp_mb__after_atomic()  value (atomic_inc(), set_bit()...) fully
 *                           ordered; on x86 the locked instruction
 *                           already is, so these only stop the compiler.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

/* A locked add of 0 to the stack: cheaper than mfence, and as strong. */
#define smp_mb()	__asm__ __volatile__("lock; addl $0,-4(%%rsp)" \
					     : : : "memory", "cc")

#define smp_mb__before_atomic()	barrier()
#define smp_mb__after_atomic()	barrier()

#endif
