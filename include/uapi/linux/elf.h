/*
 * ELF64 file format (System V ABI, "ELF-64 Object File Format"): the
 * parts a static executable loader reads.
 */
#ifndef _UAPI_LINUX_ELF_H
#define _UAPI_LINUX_ELF_H

#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define EI_CLASS	4
#define ELFCLASS64	2
#define EI_DATA		5
#define ELFDATA2LSB	1
#define EI_VERSION	6
#define EV_CURRENT	1

#define ET_EXEC		2
#define EM_X86_64	62

#define PT_LOAD		1
#define PF_X		1
#define PF_W		2
#define PF_R		4

/* Auxiliary vector entries on a new program's stack */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_RANDOM	25

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	unsigned short e_type;
	unsigned short e_machine;
	unsigned int e_version;
	unsigned long long e_entry;
	unsigned long long e_phoff;
	unsigned long long e_shoff;
	unsigned int e_flags;
	unsigned short e_ehsize;
	unsigned short e_phentsize;
	unsigned short e_phnum;
	unsigned short e_shentsize;
	unsigned short e_shnum;
	unsigned short e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	unsigned int p_type;
	unsigned int p_flags;
	unsigned long long p_offset;
	unsigned long long p_vaddr;
	unsigned long long p_paddr;
	unsigned long long p_filesz;
	unsigned long long p_memsz;
	unsigned long long p_align;
} Elf64_Phdr;

#endif
