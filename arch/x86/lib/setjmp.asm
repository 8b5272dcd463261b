; setjmp/longjmp (see asm/setjmp.h for what they are for).
;
; struct jmp_buf: rbx, rbp, r12, r13, r14, r15, rsp, rip, rflags.

section .text
bits 64
global setjmp, longjmp

; int setjmp(struct jmp_buf *env): rdi = env
setjmp:
	mov [rdi + 0], rbx
	mov [rdi + 8], rbp
	mov [rdi + 16], r12
	mov [rdi + 24], r13
	mov [rdi + 32], r14
	mov [rdi + 40], r15
	lea rax, [rsp + 8]              ; the caller's rsp after we return
	mov [rdi + 48], rax
	mov rax, [rsp]                  ; our return address
	mov [rdi + 56], rax
	pushfq
	pop qword [rdi + 64]
	xor eax, eax
	ret

; void longjmp(struct jmp_buf *env, int val): rdi = env, esi = val
longjmp:
	mov rbx, [rdi + 0]
	mov rbp, [rdi + 8]
	mov r12, [rdi + 16]
	mov r13, [rdi + 24]
	mov r14, [rdi + 32]
	mov r15, [rdi + 40]
	mov rsp, [rdi + 48]
	push qword [rdi + 64]
	popfq
	mov eax, esi
	test eax, eax                   ; setjmp never appears to return 0 twice
	jnz .ret
	inc eax
.ret:
	jmp [rdi + 56]
