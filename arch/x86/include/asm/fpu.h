/*
 * The user's x87 and SSE registers (Linux's arch/x86/include/asm/fpu/):
 * each process keeps them in task_struct->fpu, in the layout FXSAVE
 * stores (Intel SDM vol. 1, 10.5), while it is switched out; the kernel
 * itself is built without SSE and never touches them
 * (arch/x86/kernel/process.c saves and restores them at each switch).
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <linux/types.h>

struct fxregs_state {
	u16 cwd, swd, twd, fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u32 st_space[32];
	u32 xmm_space[64];
	u32 padding[24];
} __attribute__((aligned(16)));

/* Reset fx to the registers a new program starts with. */
void fpu_init_state(struct fxregs_state *fx);
/* Copy the running process's live registers into fx (fork). */
void fpu_copy_current(struct fxregs_state *fx);

#endif
