; switch.asm: the stack switch at the heart of schedule().
;
; __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp) saves the
; callee-saved registers on the current (prev) stack, stores the stack
; pointer in *prev_sp, loads next_sp and pops the registers saved there
; when next was switched out, and returns on next's stack: into next's own
; call of schedule(), or, for a new thread, into ret_from_kthread.
; Everything else (rip, flags, the caller-saved registers) is already on
; the stack or dead across a call.

section .text
bits 64
global __switch_to_asm, ret_from_kthread
extern kthread_start

__switch_to_asm:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, rsi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

; A new thread's first return lands here, with rbp = 0 (the end of every
; backtrace) and the stack 16-byte aligned for the call.
ret_from_kthread:
	xor ebp, ebp
	call kthread_start
.never:
	ud2
	jmp .never
