; usercopy.asm: the instructions that touch user memory.
;
; Every load or store of a user address here has an exception-table
; entry (asm/extable.inc): if it faults and the page-fault handler
; cannot resolve the fault (no mapping, wrong permission), the handler
; resumes at the entry's fixup, which makes the routine return its
; error instead of oopsing.  The C wrappers (kernel/uaccess.c) check
; the address limit first; these routines only survive faults.
;
; Copies use `rep movsb`/`rep stosb`: on a fault RCX still counts the
; bytes not yet copied, which is exactly the "bytes not copied" result,
; and everything before the faulting byte has been copied.
;
; With SMAP on, the kernel may touch user pages only while EFLAGS.AC is
; set: every routine opens with ASM_STAC and closes with ASM_CLAC on
; each way out, the fixups included.

%include "include/asm/extable.inc"

%define EFAULT 14

section .text
bits 64
global __copy_user, __clear_user_asm, __strnlen_user_asm, __strncpy_from_user_asm
global __get_user_1, __get_user_2, __get_user_4, __get_user_8
global __put_user_1, __put_user_2, __put_user_4, __put_user_8

; unsigned long __copy_user(void *to, const void *from, unsigned long n)
; Returns the number of bytes not copied.
__copy_user:
	ASM_STAC
	mov rcx, rdx
.copy:	rep movsb
	ASM_CLAC
	xor eax, eax
	ret
.fault:	ASM_CLAC
	mov rax, rcx
	ret
	EXTABLE __copy_user.copy, __copy_user.fault

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

; int __get_user_N(uN *val, const void *p): 0, or -EFAULT with *val = 0.
%macro GET_USER 2
__get_user_%1:
	ASM_STAC
.load:	mov %2, [rsi]
	ASM_CLAC
	mov [rdi], %2
	xor eax, eax
	ret
.fault:	ASM_CLAC
	xor edx, edx
	mov [rdi], %2
	mov eax, -EFAULT
	ret
	EXTABLE __get_user_%1.load, __get_user_%1.fault
%endmacro
GET_USER 1, dl
GET_USER 2, dx
GET_USER 4, edx
GET_USER 8, rdx

; int __put_user_N(uN val, void *p): 0 or -EFAULT.
%macro PUT_USER 2
__put_user_%1:
	ASM_STAC
.store:	mov [rsi], %2
	ASM_CLAC
	xor eax, eax
	ret
.fault:	ASM_CLAC
	mov eax, -EFAULT
	ret
	EXTABLE __put_user_%1.store, __put_user_%1.fault
%endmacro
PUT_USER 1, dil
PUT_USER 2, di
PUT_USER 4, edi
PUT_USER 8, rdi
