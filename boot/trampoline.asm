; trampoline.asm: how another CPU gets from reset to the kernel.
;
; An application processor wakes up from the startup IPI in 16-bit real
; mode at TRAMPOLINE_BASE (the IPI's vector is the page number).  This
; code, copied there by smp_init(), loads its own GDT, enters 32-bit
; protected mode, turns on PAE, long mode, NX and paging (never paging
; without PAE) with page tables that also map the trampoline at its own
; address, enters 64-bit mode and jumps to start_secondary() in the
; kernel, on the stack the boot CPU prepared.  The fields at the end are
; filled in by the boot CPU before each start.

TRAMPOLINE_BASE	equ 0x8000

%include "boot/x86.inc"

section .rodata
global trampoline_start, trampoline_end
global tr_cr3, tr_efer, tr_stack, tr_entry, tr_cpu

%define TR(label) (TRAMPOLINE_BASE + (label) - trampoline_start)

align 16
trampoline_start:
bits 16
	cli
	cld
	xor ax, ax
	mov ds, ax
	lgdt [TR(tr_gdt_ptr)]
	mov eax, cr0
	and eax, ~(X86_CR0_CD | X86_CR0_NW)	; caches on (off after INIT)
	or eax, X86_CR0_PE
	mov cr0, eax
	jmp dword 0x18:TR(.protected)

bits 32
.protected:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, cr4
	or eax, X86_CR4_PAE
	mov cr4, eax
	mov eax, [TR(tr_cr3)]
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, [TR(tr_efer)]			; LME, and NXE if the BSP uses it
	wrmsr
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax
	jmp 0x08:TR(.long_mode)

bits 64
.long_mode:
	mov rsp, [TR(tr_stack)]
	mov edi, [TR(tr_cpu)]
	xor ebp, ebp
	mov rax, [TR(tr_entry)]
	call rax				; start_secondary(cpu): never returns
.halt:
	hlt
	jmp .halt

align 8
tr_gdt:
	dq 0
	dq 0x00af9a000000ffff			; 0x08: 64-bit code
	dq 0x00cf92000000ffff			; 0x10: data
	dq 0x00cf9a000000ffff			; 0x18: 32-bit code
tr_gdt_ptr:
	dw tr_gdt_ptr - tr_gdt - 1
	dd TR(tr_gdt)
align 8
tr_cr3:		dd 0
tr_efer:	dd 0
tr_stack:	dq 0
tr_entry:	dq 0
tr_cpu:		dd 0
trampoline_end:
