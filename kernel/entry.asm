; entry.asm: entry stubs for all 256 interrupt vectors.
;
; Each stub makes the stack look the same whatever the vector: it pushes a
; zero where the CPU pushes no error code, then the vector number, and
; jumps to exception_common, which saves the general registers so that the
; stack holds a struct pt_regs (asm/ptrace.h) and calls
; handle_vector(regs): vectors 0-31 are CPU exceptions, the others
; interrupts.  When it returns, the registers are restored and iretq
; resumes the interrupted code.  The stack is 16-byte aligned at the
; call: the CPU aligns it before pushing its 5 words, and we add 17.

section .text
bits 64
extern handle_vector
global interrupt_stubs

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
	mov rdi, rsp
	call handle_vector
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
	add rsp, 16                     ; vector and error code
	iretq

section .rodata
; interrupt_stubs[v]: address of the stub for vector v, for the IDT
interrupt_stubs:
%assign v 0
%rep 256
	dq exception_ %+ v
%assign v v + 1
%endrep
