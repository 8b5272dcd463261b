; head.asm: from the boot loader's hand-over to kernel_main in long mode.
;
; Two loaders, two entry points, one path after them:
;   _start      GRUB (multiboot2): EAX holds the multiboot2 magic, EBX the
;               physical address of the boot information;
;   pvh_start   a PVH loader (QEMU's -kernel, through the ELF note below):
;               EBX holds the physical address of a struct hvm_start_info,
;               whose first field is its magic.
; Both are entered in 32-bit protected mode with paging and interrupts
; off and flat segments.  We check the magic and the CPU's long-mode
; support (printing a clear message on COM1 and VGA and halting if either
; is missing), clear .bss, build the early page tables, turn on PAE, long
; mode, NX and paging, and jump to the higher half, where
; kernel_main(magic, info) tells the two apart by the magic.
;
; Early page tables (all 2 MiB pages, built here in .bss):
;   PML4[0]   -> identity map of 0..4 GiB   (only for the jump; kernel_main
;                                            removes it)
;   PML4[256] -> PAGE_OFFSET + 0..4 GiB      (the direct map, so boot info
;                                            and ACPI tables can be read)
;   PML4[511] -> KERNEL_VMA + 0..1 GiB       (the kernel image)
; Paging is never enabled in 32-bit non-PAE mode on the way: some
; hypervisors refuse it (docs/boot.md, section 2).

KERNEL_VMA      equ 0xffffffff80000000
MB2_MAGIC       equ 0xe85250d6      ; in the header
MB2_BOOT_MAGIC  equ 0x36d76289      ; in EAX at entry
XEN_HVM_START_MAGIC equ 0x336ec578  ; hvm_start_info.magic ("xEn3")
XEN_ELFNOTE_PHYS32_ENTRY equ 18     ; Xen's elfnote.h
COM1            equ 0x3f8
VGA_TEXT        equ 0xb8000
BOOT_STACK_SIZE equ 16384

%include "boot/x86.inc"
CPUID_LM        equ 1 << 29         ; CPUID 0x80000001 EDX
CPUID_NX        equ 1 << 20         ; CPUID 0x80000001 EDX

extern kernel_main
extern __bss_start, __bss_stop
global _start, pvh_start, boot_stack, boot_stack_top, early_pml4

; ---------------------------------------------------------------------------
; Multiboot2 header (multiboot2 specification, 3.1)
section .multiboot progbits alloc noexec nowrite align=8
mb2_header:
	dd MB2_MAGIC
	dd 0                                    ; architecture: i386
	dd mb2_header_end - mb2_header
	dd -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
	; information request: command line, modules, memory map, ACPI RSDP.
	; Optional (flags = 1): the kernel checks for each tag itself.
	align 8
.info_req:
	dw 1, 1
	dd .info_req_end - .info_req
	dd 1, 3, 6, 14, 15
.info_req_end:
	; page-align modules (the initrd)
	align 8
	dw 6, 0
	dd 8
	; end tag
	align 8
	dw 0, 0
	dd 8
mb2_header_end:

; ---------------------------------------------------------------------------
; The PVH entry point, as an ELF note (Xen's public/elfnote.h): QEMU's
; -kernel loader looks for it in the PT_NOTE segment of an ELF kernel
; without a multiboot1 header and starts the kernel at pvh_start through
; its pvh.bin option ROM.  The value is 8 bytes, as Linux writes it.
section .note.Xen note alloc noexec nowrite align=4
	dd 4                                    ; name size
	dd 8                                    ; value size
	dd XEN_ELFNOTE_PHYS32_ENTRY
	db "Xen", 0
	dq pvh_start

; ---------------------------------------------------------------------------
section .boot.text progbits alloc exec nowrite align=16
bits 32
_start:
	cli
	cld
	cmp eax, MB2_BOOT_MAGIC
	je startup_32
	mov ebx, msg_no_multiboot
	jmp die32

pvh_start:
	cli
	cld
	mov eax, [ebx]                          ; hvm_start_info.magic
	cmp eax, XEN_HVM_START_MAGIC
	je startup_32
	mov ebx, msg_no_pvh
	jmp die32

; EAX = the loader's magic, EBX = its boot information (physical).
startup_32:
	mov esp, boot_stack_top - KERNEL_VMA
	mov ebp, eax                            ; keep magic and info for C
	mov esi, ebx

	call cpu_has_long_mode
	test eax, eax
	jz .no_long_mode

	; clear .bss (it holds this stack: no call until done)
	mov edi, __bss_start - KERNEL_VMA
	mov ecx, __bss_stop - KERNEL_VMA
	sub ecx, edi
	xor eax, eax
	rep stosb
	mov edi, ebp

	call build_page_tables
	call enable_long_mode
	lgdt [boot_gdt_ptr]
	jmp 0x08:long_mode_start

.no_long_mode:
	mov ebx, msg_no_long_mode
	jmp die32

; eax = 1 when CPUID reports long mode, else 0.
cpu_has_long_mode:
	pushfd                                  ; can EFLAGS.ID be toggled?
	pop eax
	mov ecx, eax
	xor eax, 1 << 21
	push eax
	popfd
	pushfd
	pop eax
	push ecx
	popfd
	xor eax, ecx
	jz .no
	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	jb .no
	mov eax, 0x80000001
	cpuid
	test edx, CPUID_LM
	jz .no
	mov eax, 1
	ret
.no:
	xor eax, eax
	ret

build_page_tables:
	; four page directories of 512 2 MiB pages each: 0..4 GiB
	mov ecx, 0
.pd_entry:
	mov eax, ecx
	shl eax, 21                             ; low half of i * 2 MiB
	or eax, PTE_P | PTE_W | PTE_PS
	mov edx, ecx
	shr edx, 11                             ; high half of i * 2 MiB
	mov [early_pd - KERNEL_VMA + ecx * 8], eax
	mov [early_pd - KERNEL_VMA + ecx * 8 + 4], edx
	inc ecx
	cmp ecx, 4 * 512
	jne .pd_entry
	; low PDPT: four entries, one per page directory
	mov ecx, 0
.pdpt_entry:
	mov eax, ecx
	shl eax, 12
	add eax, early_pd - KERNEL_VMA + (PTE_P | PTE_W)
	mov [early_pdpt_low - KERNEL_VMA + ecx * 8], eax
	inc ecx
	cmp ecx, 4
	jne .pdpt_entry
	; high PDPT: entry 510 maps KERNEL_VMA to the first gigabyte
	mov dword [early_pdpt_high - KERNEL_VMA + 510 * 8], early_pd - KERNEL_VMA + (PTE_P | PTE_W)
	; PML4
	mov eax, early_pdpt_low - KERNEL_VMA + (PTE_P | PTE_W)
	mov [early_pml4 - KERNEL_VMA + 0 * 8], eax
	mov [early_pml4 - KERNEL_VMA + 256 * 8], eax
	mov dword [early_pml4 - KERNEL_VMA + 511 * 8], early_pdpt_high - KERNEL_VMA + (PTE_P | PTE_W)
	ret

enable_long_mode:
	mov eax, early_pml4 - KERNEL_VMA
	mov cr3, eax
	mov eax, cr4
	or eax, X86_CR4_PAE
	mov cr4, eax
	mov eax, 0x80000001                     ; NX is optional: use it if there
	cpuid
	mov ebx, EFER_LME
	test edx, CPUID_NX
	jz .no_nx
	or ebx, EFER_NXE
.no_nx:
	mov ecx, MSR_EFER
	rdmsr
	or eax, ebx
	wrmsr
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax
	ret

; Print the NUL-terminated string at EBX on COM1 and the VGA screen, halt.
die32:
	mov dx, COM1 + 3                        ; 8N1, DLAB on to set the divisor
	mov al, 0x80
	out dx, al
	mov dx, COM1                            ; divisor 1: 115200 baud
	mov al, 1
	out dx, al
	mov dx, COM1 + 1
	xor al, al
	out dx, al
	mov dx, COM1 + 3
	mov al, 0x03
	out dx, al
	mov edi, VGA_TEXT
.next:
	mov al, [ebx]
	test al, al
	jz .halt
	mov dx, COM1 + 5                        ; wait for THR empty
.wait:
	in al, dx
	test al, 0x20
	jz .wait
	mov al, [ebx]
	mov dx, COM1
	out dx, al
	mov ah, 0x4f                            ; white on red
	mov [edi], ax
	add edi, 2
	inc ebx
	jmp .next
.halt:
	hlt
	jmp .halt

bits 64
long_mode_start:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax
	mov rax, higher_half
	jmp rax

; ---------------------------------------------------------------------------
section .boot.data progbits alloc noexec write align=16
boot_gdt:
	dq 0
	dq 0x00af9a000000ffff                   ; 0x08: 64-bit code
	dq 0x00cf92000000ffff                   ; 0x10: data
boot_gdt_ptr:
	dw boot_gdt_ptr - boot_gdt - 1
	dd boot_gdt
msg_no_multiboot:
	db "Ferry: not booted by a multiboot2 loader (bad magic in EAX); halting.", 13, 10, 0
msg_no_pvh:
	db "Ferry: entered at pvh_start without a PVH start info (bad magic); halting.", 13, 10, 0
msg_no_long_mode:
	db "Ferry: this CPU has no 64-bit long mode (x86_64); halting.", 13, 10, 0

; ---------------------------------------------------------------------------
section .text
bits 64
higher_half:
	mov rsp, boot_stack_top
	xor ebp, ebp                            ; ends the backtrace
	; rdi = magic, rsi = boot information (physical), as set in startup_32
	mov edi, edi
	mov esi, esi
	call kernel_main
.halt:
	cli
	hlt
	jmp .halt

section .bss nobits alloc noexec write align=4096
early_pml4:      resb 4096
early_pdpt_low:  resb 4096
early_pdpt_high: resb 4096
early_pd:        resb 4 * 4096
boot_stack:      resb BOOT_STACK_SIZE
boot_stack_top:
