; entry.asm: the ways into the kernel: the stubs for all 256 interrupt
; vectors, and the syscall instruction's entry.
;
; Each stub makes the stack look the same whatever the vector: it pushes a
; zero where the CPU pushes no error code, then the vector number, and
; jumps to exception_common, which saves the general registers so that the
; stack holds a struct pt_regs (asm/ptrace.h) and calls
; handle_vector(regs): vectors 0-31 are CPU exceptions, the others
; interrupts.  When it returns, the registers are restored and iretq
; resumes the interrupted code.  The stack is 16-byte aligned at the
; call: the CPU aligns it before pushing its 5 words, and we add 17.
;
; From user mode the CPU has already switched to the task's kernel stack
; (TSS.RSP0, the top of the stack), so the struct pt_regs of a process
; always sits at the top of its kernel stack (task_pt_regs()).  GS holds
; the user's base then: swapgs exchanges it with the kernel's (the
; KERNEL_GS_BASE MSR) on the way in and out, decided by the saved CS.

%include "asm-offsets.inc"
%include "asm/extable.inc"

section .text
bits 64
extern handle_vector, do_syscall_64, schedule_tail, syscall_exit_to_user_mode
global interrupt_stubs, entry_SYSCALL_64, ret_from_fork, ret_to_user

;; The general registers of struct pt_regs, from di down to r15.
%macro SAVE_REGS 0
	push rdi
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
%endmacro

%macro RESTORE_REGS 0
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
%endmacro

%macro EXCEPTION_NOERR 1
exception_%1:
	push 0
	push %1
	jmp exception_common
%endmacro

%macro EXCEPTION_ERR 1
exception_%1:
	push %1
	jmp exception_common
%endmacro

; Vectors whose exceptions push an error code (Intel SDM vol. 3, 6.13)
%assign v 0
%rep 256
%if v = 8 || (v >= 10 && v <= 14) || v = 17 || v = 21 || v = 29 || v = 30
	EXCEPTION_ERR %[v]
%else
	EXCEPTION_NOERR %[v]
%endif
%assign v v + 1
%endrep

exception_common:
	cld
	ASM_CLAC                        ; user space may have set AC
	test qword [rsp + 24], 3        ; the interrupted CS: from user mode?
	jz .kernel
	swapgs
.kernel:
	SAVE_REGS
	mov rdi, rsp
	call handle_vector
restore_regs_and_iret:
	RESTORE_REGS
	add rsp, 16                     ; vector and error code
	test qword [rsp + 8], 3         ; back to user mode?
	jz .iret
	swapgs
.iret:
	iretq

; syscall: rcx holds the user rip, r11 the user rflags; interrupts are
; off (MSR_SYSCALL_MASK) and rsp is still the user's.  Build the same
; struct pt_regs an interrupt from user mode would, with the syscall
; number in error_code (Linux's orig_ax), and call do_syscall_64(regs).
; The way back is iretq, shared with interrupts: it restores everything
; from pt_regs, so fork, execve and signals may change any of it.
entry_SYSCALL_64:
	swapgs
	mov [gs:CPU_USER_SP], rsp
	mov rsp, [gs:CPU_TOP_OF_STACK]
	push USER_DS_SEL                    ; ss
	push qword [gs:CPU_USER_SP]     ; sp
	push r11                        ; flags
	push USER_CS_SEL                    ; cs
	push rcx                        ; ip
	push rax                        ; error_code: the syscall number
	push SYSCALL_VECTOR             ; vector
	SAVE_REGS
	xor ebp, ebp                    ; the end of kernel backtraces
	mov rdi, rsp
	call do_syscall_64
	jmp restore_regs_and_iret

; A forked child's first return from __switch_to_asm lands here, its
; stack pointer at the struct pt_regs copied from its parent.
ret_from_fork:
	call schedule_tail
	mov rdi, rsp
	call syscall_exit_to_user_mode
	jmp restore_regs_and_iret

; void ret_to_user(struct pt_regs *regs): enter user mode with regs
; (at the top of the current stack), e.g. after a kernel thread's execve.
ret_to_user:
	mov rsp, rdi
	call syscall_exit_to_user_mode
	jmp restore_regs_and_iret

section .rodata
; interrupt_stubs[v]: address of the stub for vector v, for the IDT
interrupt_stubs:
%assign v 0
%rep 256
	dq exception_ %+ v
%assign v v + 1
%endrep
