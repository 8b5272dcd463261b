; usercopy.asm: the instructions that touch user memory.
;
; Every load or store of a user address here has an exception-table
; entry (asm/extable.inc): if it faults and the page-fault handler
; cannot resolve the fault (no mapping, wrong permission), the handler
; resumes at the entry's fixup, which makes the routine return its
; error instead of oopsing.  The C wrappers (kernel/uaccess.c) check
; the address limit first; these routines only survive faults.
;
; Copies use `rep movsb`/`rep stosb` (or `rep movsq` where byte strings
; are slow): on a fault RCX still counts what is not yet copied, which
; gives the "bytes not copied" result, and everything before the
; faulting byte has been copied.
;
; With SMAP on, the kernel may touch user pages only while EFLAGS.AC is
; set: every routine opens with ASM_STAC and closes with ASM_CLAC on
; each way out, the fixups included.

%include "asm/extable.inc"

%define EFAULT 14

section .text
bits 64
global __copy_user_erms, __copy_user_string, __clear_user_asm, __strnlen_user_asm, __strncpy_from_user_asm

; unsigned long __copy_user_erms(void *to, const void *from, unsigned long n)
; For CPUs with ERMS (enhanced rep movsb): one rep movsb, as fast as
; memcpy.  Returns the number of bytes not copied.
__copy_user_erms:
	ASM_STAC
	mov rcx, rdx
.copy:	rep movsb
	ASM_CLAC
	xor eax, eax
	ret
.fault:	ASM_CLAC
	mov rax, rcx
	ret
	EXTABLE __copy_user_erms.copy, __copy_user_erms.fault

; unsigned long __copy_user_string(void *to, const void *from, unsigned long n)
; For other CPUs, where rep movsb is slow: 8-byte words, then the tail
; bytes.  A word that faults may hold bytes that could be copied, so the
; rest is redone byte by byte to stop exactly at the first bad byte.
__copy_user_string:
	ASM_STAC
	mov rcx, rdx
	shr rcx, 3
	and edx, 7
.words:	rep movsq
	mov ecx, edx
.bytes:	rep movsb
	ASM_CLAC
	xor eax, eax
	ret
.words_fault:
	lea rcx, [rdx + rcx * 8]	; bytes left: the words and the tail
.redo:	rep movsb
	ASM_CLAC
	xor eax, eax
	ret
.bytes_fault:
	ASM_CLAC
	mov rax, rcx
	ret
	EXTABLE __copy_user_string.words, __copy_user_string.words_fault
	EXTABLE __copy_user_string.bytes, __copy_user_string.bytes_fault
	EXTABLE __copy_user_string.redo, __copy_user_string.bytes_fault

; unsigned long __clear_user_asm(void *to, unsigned long n)
__clear_user_asm:
	ASM_STAC
	mov rcx, rsi
	xor eax, eax
.clear:	rep stosb
	ASM_CLAC
	ret
.fault:	ASM_CLAC
	mov rax, rcx
	ret
	EXTABLE __clear_user_asm.clear, __clear_user_asm.fault

; long __strnlen_user_asm(const char *s, long n)
; Length including the NUL; n + 1 if none within n bytes; 0 on a fault.
__strnlen_user_asm:
	ASM_STAC
	xor eax, eax
.next:	cmp rax, rsi
	jae .long
.load:	movzx edx, byte [rdi + rax]
	inc rax
	test dl, dl
	jnz .next
	ASM_CLAC
	ret
.long:	ASM_CLAC
	lea rax, [rsi + 1]
	ret
.fault:	ASM_CLAC
	xor eax, eax
	ret
	EXTABLE __strnlen_user_asm.load, __strnlen_user_asm.fault

; long __strncpy_from_user_asm(char *dst, const char *src, long count)
; Length copied without the NUL; count if no NUL came; -EFAULT on a fault.
__strncpy_from_user_asm:
	ASM_STAC
	xor eax, eax
.next:	cmp rax, rdx
	jae .done
.load:	movzx ecx, byte [rsi + rax]
	mov [rdi + rax], cl
	test cl, cl
	jz .done
	inc rax
	jmp .next
.done:	ASM_CLAC
	ret
.fault:	ASM_CLAC
	mov rax, -EFAULT
	ret
	EXTABLE __strncpy_from_user_asm.load, __strncpy_from_user_asm.fault
