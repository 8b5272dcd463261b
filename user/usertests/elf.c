/*
 * usertests: execve of malformed ELF files.
 *
 * A minimal static ELF64 executable is built in memory (one PT_LOAD
 * segment at 0x400000 holding the headers and three instructions that
 * call exit(7)), written to the scratch directory and run: it must exit
 * with 7.  Then each mutation of it is written and run: execve must
 * return -1 with ENOEXEC and the caller must go on running.
 *
 * Linux checks some of these only after the point of no return (the
 * process is killed instead) or not at all (it maps overlapping segments,
 * and a segment cut short by the end of the file faults only when
 * touched); those are marked ferry_only and on Linux only reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

struct elf64_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
};

#define EI_CLASS	4
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define ET_REL		1
#define EM_386		3
#define EM_X86_64	62
#define PT_LOAD		1
#define PF_X		1
#define PF_W		2
#define PF_R		4

#define LOAD_ADDR	0x400000UL
#define IMAGE_SIZE	1024	/* one segment: headers, code, padding */
#define MAX_PHDRS	2
#define CODE_OFFSET	(sizeof(struct elf64_ehdr) + \
			 MAX_PHDRS * sizeof(struct elf64_phdr))
#define EXIT_CODE	7

struct image {
	union {
		unsigned char bytes[IMAGE_SIZE];
		struct {
			struct elf64_ehdr ehdr;
			struct elf64_phdr phdr[MAX_PHDRS];
		};
	};
	size_t len;		/* how much of bytes is written to the file */
};

/* mov edi, 7; mov eax, 60 (exit); syscall */
static const unsigned char exit_code[] = {
	0xbf, EXIT_CODE, 0, 0, 0, 0xb8, 60, 0, 0, 0, 0x0f, 0x05,
};

static void build_valid(struct image *im)
{
	struct elf64_ehdr *eh = &im->ehdr;
	struct elf64_phdr *ph = &im->phdr[0];

	memset(im, 0, sizeof(*im));
	memcpy(eh->e_ident, "\177ELF", 4);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[5] = ELFDATA2LSB;
	eh->e_ident[6] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = LOAD_ADDR + CODE_OFFSET;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 1;
	ph->p_type = PT_LOAD;
	ph->p_flags = PF_R | PF_X;
	ph->p_offset = 0;
	ph->p_vaddr = ph->p_paddr = LOAD_ADDR;
	ph->p_filesz = ph->p_memsz = IMAGE_SIZE;
	ph->p_align = 0x1000;
	memcpy(im->bytes + CODE_OFFSET, exit_code, sizeof(exit_code));
	im->len = IMAGE_SIZE;
}

/* A second PT_LOAD segment, copied from the first, then changed. */
static struct elf64_phdr *second_segment(struct image *im)
{
	im->ehdr.e_phnum = 2;
	im->phdr[1] = im->phdr[0];
	return &im->phdr[1];
}

static void bad_magic(struct image *im) { im->ehdr.e_ident[1] = 'X'; }
static void wrong_machine(struct image *im) { im->ehdr.e_machine = EM_386; }
static void elf32_class(struct image *im)
{
	im->ehdr.e_ident[EI_CLASS] = ELFCLASS32;
}
static void relocatable(struct image *im) { im->ehdr.e_type = ET_REL; }
static void bad_phentsize(struct image *im) { im->ehdr.e_phentsize = 32; }
static void huge_phnum(struct image *im) { im->ehdr.e_phnum = 0xffff; }
static void phdrs_past_end(struct image *im)
{
	im->ehdr.e_phoff = IMAGE_SIZE - 8;
}

static void overlapping(struct image *im)
{
	struct elf64_phdr *ph = second_segment(im);

	ph->p_vaddr = ph->p_paddr = LOAD_ADDR + 0x200;	/* inside the first */
	ph->p_offset = 0x200;
	ph->p_filesz = ph->p_memsz = 0x100;
}

static void kernel_segment(struct image *im)
{
	struct elf64_phdr *ph = second_segment(im);

	ph->p_vaddr = ph->p_paddr = UT_KERNEL_LOW;
	ph->p_flags = PF_R | PF_W;
}

static void kernel_text_segment(struct image *im)
{
	struct elf64_phdr *ph = second_segment(im);

	ph->p_vaddr = ph->p_paddr = UT_KERNEL_TEXT;
	ph->p_flags = PF_R | PF_W;
}

/* From the last user page on into the non-canonical hole. */
static void segment_crossing_user_top(struct image *im)
{
	struct elf64_phdr *ph = second_segment(im);

	ph->p_vaddr = ph->p_paddr = 0x00007ffffffff000UL;
	ph->p_memsz = 0x3000;
	ph->p_flags = PF_R | PF_W;
}

static void filesz_over_memsz(struct image *im)
{
	im->phdr[0].p_memsz = IMAGE_SIZE / 2;
}

static void truncated(struct image *im) { im->len = IMAGE_SIZE / 2; }
static void header_only(struct image *im) { im->len = 20; }
static void empty_file(struct image *im) { im->len = 0; }

static void text_file(struct image *im)
{
	static const char text[] = "echo this is not a program\n";

	memcpy(im->bytes, text, sizeof(text) - 1);
	im->len = sizeof(text) - 1;
}

struct mutation {
	const char *name;
	void (*mutate)(struct image *im);
	int ferry_only;		/* Linux accepts it or fails it later */
};

static const struct mutation mutations[] = {
	{ "bad_magic", bad_magic, 0 },
	{ "wrong_machine", wrong_machine, 0 },
	{ "elf32_class", elf32_class, 1 },
	{ "relocatable", relocatable, 0 },
	{ "bad_phentsize", bad_phentsize, 0 },
	{ "huge_phnum", huge_phnum, 0 },
	{ "phdrs_past_end", phdrs_past_end, 1 },
	{ "overlapping_segments", overlapping, 1 },
	{ "kernel_segment", kernel_segment, 1 },
	{ "kernel_text_segment", kernel_text_segment, 1 },
	{ "segment_crossing_user_top", segment_crossing_user_top, 1 },
	{ "filesz_over_memsz", filesz_over_memsz, 1 },
	{ "truncated_in_segment", truncated, 1 },
	{ "header_only", header_only, 0 },
	{ "empty_file", empty_file, 0 },
	{ "text_file", text_file, 0 },
};

static int write_image(const char *path, const struct image *im)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	int ret;

	if (fd < 0)
		return -1;
	ret = ut_write_all(fd, im->bytes, im->len);
	if (close(fd) < 0)
		ret = -1;
	return ret;
}

static volatile long still_here = 0x5eed;

/*
 * Run path in a child.  The child's exit status is the program's, or
 * 100 + errno when execve returned (after checking the child's own
 * memory survived the failed exec: 99 if not).
 */
static int run_image(const char *path)
{
	char *argv[] = { (char *)path, NULL };
	char *envp[] = { NULL };
	pid_t pid = ut_fork();

	if (pid == 0) {
		execve(path, argv, envp);
		int err = errno;

		if (still_here != 0x5eed || getpid() <= 0)
			_exit(99);
		_exit(100 + err);
	}
	return ut_wait(pid);
}

static void path_for(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/usertests-elf-%s", ut_tmpdir(), name);
}

static void check_mutation(const struct mutation *m)
{
	struct image im;
	char path[128];
	int status;

	build_valid(&im);
	m->mutate(&im);
	path_for(path, sizeof(path), m->name);
	if (write_image(path, &im) < 0) {
		ut_fail(__FILE__, __LINE__, "cannot write %s: %s", path,
			ut_errno_name(errno));
		return;
	}
	status = run_image(path);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 100 + ENOEXEC)
		goto out;
	if (m->ferry_only)
		FERRY_ONLY(0, "%s: expected execve to fail with ENOEXEC, "
			   "but the child %s", m->name, ut_status_str(status));
	else
		ut_fail(__FILE__, __LINE__, "%s: expected execve to fail "
			"with ENOEXEC, but the child %s (100 + errno if "
			"execve returned)", m->name, ut_status_str(status));
out:
	unlink(path);
}

void test_execve_elf(void)
{
	char *argv[] = { "bad", NULL };
	char *envp[] = { NULL };
	struct image im;
	char path[128];
	size_t i;

	build_valid(&im);
	path_for(path, sizeof(path), "valid");
	ASSERT_OK(write_image(path, &im));
	EXPECT_EXIT(run_image(path), EXIT_CODE);
	unlink(path);
	if (ut_failed())
		ut_end();	/* the mutations would prove nothing */

	for (i = 0; i < sizeof(mutations) / sizeof(mutations[0]); i++)
		check_mutation(&mutations[i]);

	/* In this very process too: it returns, and we keep running. */
	build_valid(&im);
	bad_magic(&im);
	path_for(path, sizeof(path), "self");
	ASSERT_OK(write_image(path, &im));
	EXPECT_ERRNO(execve(path, argv, envp), ENOEXEC);
	EXPECT_EQ(still_here, 0x5eed);
	unlink(path);
}
