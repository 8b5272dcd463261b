# Ferry: build, run, test and debug a small x86_64 teaching kernel.
#
#   make            kernel, ISO                 make run     boot it in QEMU
#                   (the kernel straight from QEMU; GRUB=1: the ISO)
#   make test       host tests, a clang build, every QEMU configuration
#                   (tests/run)
#   make clang-check  the kernel and user programs built by clang into
#                   build/clang (part of make test)
#   make bench      in-kernel microbenchmarks (BENCH=glob), build/bench.json,
#                   compared with bench/baseline.json; ICOUNT=1: the TSC
#                   counts instructions (docs/bench.md)
#   make bench-baseline  rewrite bench/baseline.json (BENCH_BOOTS boots)
#   make bench-linux  the same metrics in Debian's Linux too, boots
#                   alternating (BENCH_BOOTS of each): a table, build/bench.json
#                   and build/bench.svg (docs/bench.md)
#   make debug      QEMU waiting for gdb, which stops at kernel_main
#   make clean      remove build/
#
# Variables: V=1 shows full commands; CC=clang or CROSS_COMPILE=x86_64-elf-
# pick the compiler; WERROR=0 keeps warnings from failing the build;
# CONFIGS=... and TESTS=... narrow `make test`; ACCEL=tcg|kvm|auto;
# CLANG=clang-14 names clang-check's compiler; CMDLINE=... the kernel
# command line of `make run` (and of the ISO); GRUB=1 makes `make run`
# and `make debug` boot the ISO.
# Everything the build writes goes under build/.

VERSION   := 0.1
B         := build

ifeq ($(origin CC),default)
CC        := $(CROSS_COMPILE)gcc
endif
LD        := $(CROSS_COMPILE)ld
NM        := $(CROSS_COMPILE)nm
OBJCOPY   := $(CROSS_COMPILE)objcopy
NASM      ?= nasm
PYTHON    ?= python3
HOSTCC    ?= gcc
HOSTLD    ?= ld
HOSTNM    ?= nm
HOSTOBJCOPY ?= objcopy
QEMU      ?= qemu-system-x86_64
ACCEL     ?= tcg

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

# Compiler options that not every compiler knows (gcc vs clang).
cc-option = $(shell $(CC) -Werror $(1) -x c -c /dev/null -o /dev/null 2>/dev/null && echo $(1))

WERROR    ?= 1
CFLAGS    := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -nostdinc \
             -isystem $(shell $(CC) -print-file-name=include) \
             -Iarch/x86/include -Iinclude -mcmodel=kernel -fno-pic -fno-pie -mno-red-zone \
             -mno-sse -mno-sse2 -mno-mmx -mno-80387 \
             -fno-omit-frame-pointer -fno-stack-protector \
             -fno-asynchronous-unwind-tables -fno-strict-aliasing \
             $(call cc-option,-fno-tree-loop-distribute-patterns) \
             -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
             -MMD -MP -DFERRY_VERSION='"$(VERSION)"'
ifeq ($(WERROR),1)
CFLAGS    += -Werror
endif
NASMFLAGS := -f elf64 -g -F dwarf -Iarch/x86/include/
LDFLAGS   := -nostdlib -z max-page-size=0x1000 -z noexecstack
LDSCRIPT  := arch/x86/kernel/vmlinux.lds

# The ACPI table parser (kernel/acpi/): pure, so the host tests build it too.
ACPI_SRCS := kernel/acpi/tables.c kernel/acpi/madt.c kernel/acpi/srat.c \
	kernel/acpi/slit.c kernel/acpi/mcfg.c kernel/acpi/fadt.c

# Processes, system calls, user access (kernel/, mm/).
PROC_SRCS := arch/x86/kernel/process.c arch/x86/mm/extable.c kernel/uaccess.c \
	arch/x86/lib/usercopy.asm \
	kernel/syscall.c kernel/signal.c kernel/fork.c kernel/exit.c kernel/exec.c \
	kernel/sys.c mm/memory.c mm/mmap.c mm/fault.c mm/gup.c arch/x86/mm/fault.c
PROC_TESTS := mm/mmap_test.c kernel/uaccess_test.c kernel/uaccess_range_test.c \
	kernel/uaccess_fault_test.c kernel/uaccess_args_test.c \
	kernel/uaccess_string_test.c kernel/uaccess_set_fs_test.c \
	kernel/uaccess_atomic_test.c kernel/uaccess_smap_test.c \
	kernel/process_test.c mm/gup_test.c mm/kiobuf_test.c

# The virtual file system: ramfs, the initrd, pipes, file system calls (fs/).
FS_SRCS := fs/inode.c fs/file_table.c fs/libfs.c fs/read_write.c fs/file.c \
	fs/fs_struct.c fs/namei.c fs/namespace.c fs/open.c fs/stat.c fs/ioctl.c \
	fs/readdir.c fs/d_path.c fs/char_dev.c fs/pipe.c fs/ramfs.c \
	fs/ramfs_file.c fs/cpio.c fs/initramfs.c fs/anon_inodes.c
FS_TESTS := fs/ramfs_test.c fs/namei_test.c fs/file_test.c fs/readdir_test.c \
	fs/pipe_test.c fs/initramfs_test.c fs/char_dev_test.c

# Character devices, devfs and /proc (drivers/, fs/).
DEV_SRCS := drivers/tty/n_tty.c drivers/tty/tty_io.c drivers/tty/console.c \
	drivers/mem.c fs/devfs.c fs/proc/generic.c fs/proc/root.c \
	fs/proc/base.c fs/proc/cpuinfo.c fs/proc/uptime.c fs/proc/proc_tty.c
DEV_TESTS := drivers/tty/tty_test.c drivers/serial_test.c drivers/mem_test.c \
	fs/devfs_test.c fs/proc/proc_test.c

# PCI: configuration space, enumeration, drivers, MSI (drivers/pci/),
# the x86 configuration mechanisms (arch/x86/pci/), the ioread/iowrite
# cookies (lib/iomap.c) and /proc entries made at run time for
# /proc/bus/pci (fs/proc/pde.c).
PCI_SRCS := fs/proc/pde.c lib/iomap.c \
	arch/x86/pci/direct.c arch/x86/pci/mmconfig.c arch/x86/pci/common.c \
	drivers/pci/access.c drivers/pci/bar.c drivers/pci/probe.c \
	drivers/pci/search.c drivers/pci/pci.c drivers/pci/iomap.c \
	drivers/pci/pci-driver.c drivers/pci/proc.c drivers/pci/msi.c
PCI_TESTS := drivers/pci/pci_test.c drivers/pci/msi_test.c

# The DMA mapping layer, swiotlb and DMA-API debugging (kernel/dma/).
DMA_SRCS := kernel/dma/mapping.c kernel/dma/direct.c kernel/dma/swiotlb.c \
	kernel/dma/debug.c
DMA_TESTS := kernel/dma/dma_test_util.c kernel/dma/dma_test.c \
	kernel/dma/dma_sg_test.c kernel/dma/swiotlb_test.c kernel/dma/debug_test.c

# Drivers for PCI devices (drivers/misc/).
DRIVER_SRCS := drivers/misc/edu.c drivers/misc/edu_conf.c
DRIVER_TESTS := drivers/misc/edu_test.c

# Link order is test-run order for the in-kernel suites.
KERNEL_SRCS := \
	boot/head.asm \
	arch/x86/kernel/entry.asm \
	kernel/main.c kernel/initcall.c kernel/printk.c kernel/printk_ringbuffer.c \
	kernel/syslog.c kernel/panic.c \
	arch/x86/kernel/traps.c \
	arch/x86/kernel/dumpstack.c \
	arch/x86/kernel/cpu.c arch/x86/kernel/irq.c \
	kernel/irq/irqdesc.c kernel/irq/handle.c kernel/irq/manage.c \
	kernel/irq/proc.c kernel/kallsyms.c kernel/multiboot.c kernel/pvh.c \
	$(ACPI_SRCS) kernel/acpi/init.c kernel/cmdline.c \
	arch/x86/kernel/setup.c \
	arch/x86/kernel/apic.c arch/x86/kernel/i8259.c arch/x86/kernel/ioapic.c \
	arch/x86/kernel/msi.c \
	arch/x86/kernel/tsc.c arch/x86/kernel/time.c \
	arch/x86/kernel/irq_init.c arch/x86/kernel/smpboot.c boot/trampoline.asm \
	arch/x86/kernel/smp.c kernel/smp.c arch/x86/kernel/reboot.c \
	kernel/sched/core.c arch/x86/kernel/switch.asm kernel/sched/wait.c \
	kernel/sched/completion.c kernel/kthread.c kernel/time/timer.c \
	kernel/locking/spinlock.c kernel/locking/mutex.c \
	mm/memblock.c mm/numa.c arch/x86/mm/init_64.c arch/x86/mm/tlb.c \
	arch/x86/mm/pgprot.c mm/buddy.c mm/page_alloc.c \
	mm/mm_init.c mm/watermark.c mm/vmstat.c mm/slab_obj.c mm/slab.c \
	mm/vmalloc.c \
	mm/page_lock.c mm/kiobuf.c \
	$(PROC_SRCS) \
	$(FS_SRCS) \
	$(DEV_SRCS) \
	$(PCI_SRCS) $(DMA_SRCS) $(DRIVER_SRCS) \
	drivers/serial.c drivers/vga.c \
	lib/string.c arch/x86/lib/memcpy_64.c \
	lib/vsprintf.c lib/glob.c lib/crc32.c lib/kstrtox.c arch/x86/lib/setjmp.asm \
	lib/smp_processor_id.c kernel/bench.c kernel/bench_ops.c kernel/bench_scale.c \
	lib/refcount.c \
	lib/scatterlist.c \
	lib/kunit/test.c lib/kunit/program.c lib/kunit/try-catch.c \
	lib/kunit/executor.c lib/kunit/capture.c lib/kunit/machine.c \
	lib/kunit/kunit_test.c lib/vsprintf_test.c kernel/printk_ringbuffer_test.c \
	lib/string_test.c arch/x86/lib/memcpy_64_test.c \
	lib/smp_processor_id_test.c \
	lib/atomic_test.c lib/refcount_test.c \
	kernel/cmdline_test.c kernel/initcall_test.c kernel/multiboot_test.c \
	arch/x86/kernel/traps_test.c \
	kernel/acpi/acpi_test.c mm/memblock_test.c arch/x86/mm/init_64_test.c \
	mm/page_alloc_test.c mm/numa_test.c mm/slab_test.c \
	mm/vmalloc_test.c \
	mm/page_lock_test.c \
	arch/x86/kernel/irq_test.c arch/x86/kernel/time_test.c kernel/sched/sched_test.c \
	kernel/locking/locking_test.c kernel/smp_test.c kernel/panic_test.c \
	$(FS_TESTS) \
	$(DEV_TESTS) \
	$(PROC_TESTS) \
	$(PCI_TESTS) $(DMA_TESTS) $(DRIVER_TESTS)


KERNEL_OBJS := $(patsubst %,$(B)/%.o,$(basename $(KERNEL_SRCS)))
# The kernel's own symbol table: a first link with an empty table gives the
# text addresses; the table lives in .rodata, after .text, so filling it in
# for the second link moves no function.
KALLSYMS0   := $(B)/kallsyms0.o
KALLSYMS    := $(B)/kallsyms.o

ISO       ?= $(B)/ferry.iso
CMDLINE   ?=
GRUB_CFG  := iso/grub.cfg

.PHONY: all iso run print-qemu-run debug test bench syntax-check host-test-build \
	clang-check deps clean bench-baseline bench-linux deps-bench-linux \
	lab grade
all: $(B)/kernel.elf $(B)/ferry.iso

# User space: libc, programs, initrd (rules in user/user.mk).
include user/user.mk
# The Linux side of make bench-linux (rules in bench/linux/bench.mk).
include bench/linux/bench.mk

deps:
	@sh tools/deps.sh

# With SYNTAX_ONLY=1 (clang-check) a C file is only checked for errors
# and warnings (-fsyntax-only); an empty stamp takes the object's place.
ifeq ($(SYNTAX_ONLY),1)
cc-compile = $(CC) $(1) -fsyntax-only -MF $(@:.o=.d) -MT $@ $< && touch $@
else
cc-compile = $(CC) $(1) -c $< -o $@
endif

$(B)/%.o: %.c
	$(quiet) CC $<
	@mkdir -p $(dir $@)
	$(Q)$(call cc-compile,$(CFLAGS))

# NASM's line information for the mixed 32/64-bit boot code confuses gdb.
$(B)/boot/head.o: NASMFLAGS := -f elf64

$(B)/%.o: %.asm
	$(quiet) NASM $<
	@mkdir -p $(dir $@)
	$(Q)$(NASM) $(NASMFLAGS) -I$(B)/ -MD $(B)/$*.d -MP $< -o $@

# The C header's constants as NASM %defines, for arch/x86/kernel/entry.asm.
$(B)/asm-offsets.inc: arch/x86/include/asm/asm-offsets.h
	@mkdir -p $(B)
	$(Q)sed -n 's|^#define \([A-Z_0-9]*\)[[:space:]]*\([^[:space:]]*\).*|%define \1 \2|p' $< > $@
$(B)/arch/x86/kernel/entry.o: $(B)/asm-offsets.inc

$(KALLSYMS0): tools/kallsyms.py
	$(quiet) GEN $@
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/kallsyms.py < /dev/null > $(B)/kallsyms0.c
	$(Q)$(CC) $(CFLAGS) -c $(B)/kallsyms0.c -o $@

$(B)/kernel.elf: $(KERNEL_OBJS) $(KALLSYMS0) $(LDSCRIPT) tools/kallsyms.py \
		tools/sortextable.py
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -T $(LDSCRIPT) -o $(B)/kernel.pass1 $(KERNEL_OBJS) $(KALLSYMS0)
	$(Q)$(NM) -n -S $(B)/kernel.pass1 | $(PYTHON) tools/kallsyms.py > $(B)/kallsyms.c
	$(Q)$(CC) $(CFLAGS) -c $(B)/kallsyms.c -o $(KALLSYMS)
	$(Q)$(LD) $(LDFLAGS) -T $(LDSCRIPT) -o $@.tmp $(KERNEL_OBJS) $(KALLSYMS)
	$(Q)$(NM) -n -S $@.tmp | $(PYTHON) tools/kallsyms.py | cmp -s - $(B)/kallsyms.c || \
		{ echo "kallsyms: text moved between link passes" >&2; exit 1; }
	$(Q)$(PYTHON) tools/sortextable.py $@.tmp
	$(Q)mv $@.tmp $@

# An ISO whose grub.cfg boots the kernel with $(CMDLINE).  The command line
# is kept in a file beside the ISO so a changed line rebuilds it.
$(ISO).cmdline: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CMDLINE)' | cmp -s - $@ || echo '$(CMDLINE)' > $@

# The ISO's kernel has no debugging information (gdb reads build/kernel.elf):
# GRUB reads the whole file, a fifth of the size without it.
$(ISO): $(B)/kernel.elf $(GRUB_CFG) $(ISO).cmdline $(INITRD)
	$(quiet) ISO $@
	@rm -rf $@.d && mkdir -p $@.d/boot/grub
	$(Q)$(OBJCOPY) --strip-debug $(B)/kernel.elf $@.d/boot/kernel.elf
	$(Q)cp $(INITRD) $@.d/boot/initrd.cpio
	$(Q)sed 's|@CMDLINE@|$(CMDLINE)|' $(GRUB_CFG) > $@.d/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $@.d >$@.log 2>&1 || { cat $@.log; exit 1; }
	@rm -rf $@.d

iso: $(ISO)

FORCE:

# The machine `make run` and `make debug` boot: two CPUs, one edu device.
QEMU_MACHINE := $(QEMU) -machine q35 -smp 2 -m 512M -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -nic none \
	-device edu -display none
ifeq ($(ACCEL),kvm)
QEMU_MACHINE += -accel kvm -cpu host
else
QEMU_MACHINE += -accel tcg -cpu max
endif

# How they start the kernel.  By default QEMU loads it itself (-kernel,
# through the kernel's PVH entry point, with the initrd and CMDLINE), the
# fast way; GRUB=1 boots the ISO through GRUB, as the tests do
# (docs/boot.md).
GRUB ?=
ifeq ($(GRUB),1)
QEMU_BOOT := -cdrom $(B)/ferry.iso -boot d
BOOT_WHAT := $(B)/ferry.iso through GRUB
else
QEMU_BOOT := -kernel $(B)/kernel.elf -initrd $(INITRD)$(if $(strip \
	$(CMDLINE)), -append "$(CMDLINE)")
BOOT_WHAT := $(B)/kernel.elf (GRUB=1: the ISO)
endif
QEMU_MACHINE += $(QEMU_BOOT)

# The whole `make run` command; tests/e2e_shell.py boots the same.
QEMU_RUN := $(QEMU_MACHINE) -serial mon:stdio

run: deps all
	@echo "Booting $(BOOT_WHAT); Ctrl-A X quits QEMU."
	$(QEMU_RUN)

print-qemu-run:
	@echo '$(QEMU_RUN)'

# QEMU waits for gdb (-s -S) in the background, its serial output going to
# $(B)/serial.log; gdb runs here and stops at kernel_main.
debug: deps all
	@echo "Serial output: $(B)/serial.log (tail -f it in another terminal)."
	$(QEMU_MACHINE) -serial file:$(B)/serial.log -monitor none -s -S & \
	gdb -q -x tools/gdbinit; kill $$! 2>/dev/null; true

# Host unit tests: kernel library code built for the host under ASan and
# UBSan, its symbols renamed kern_* so they do not clash with libc.
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter \
	-Wno-sign-compare -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -Iarch/x86/include -Iinclude -Itests/host
HOST_KSRCS  := lib/string.c lib/vsprintf.c lib/glob.c lib/crc32.c kernel/multiboot.c kernel/pvh.c \
	mm/buddy.c mm/slab_obj.c \
	kernel/printk_ringbuffer.c \
	lib/scatterlist.c \
	$(ACPI_SRCS) drivers/tty/n_tty.c \
	fs/cpio.c
HOST_TESTS  := $(patsubst tests/host/%.c,$(B)/host/%,$(wildcard tests/host/test_*.c))
# Each program test_NAME: tests/host/test_NAME.c (its main), the files
# tests/host/NAME/*.c it is split into, and the framework's own files.
HOST_COMMON := tests/host/ktap.c tests/host/symbols.c
host-test-objs = $(patsubst %.c,$(B)/host/%.o,tests/host/test_$(1).c \
	$(wildcard tests/host/$(1)/*.c) $(HOST_COMMON))

$(B)/host/%.o: %.c
	$(quiet) HOSTCC $<
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -ffreestanding -fno-builtin -MMD -MP -DHOST_TEST -c $< -o $@

$(B)/host/kern.o: $(patsubst %.c,$(B)/host/%.o,$(HOST_KSRCS))
	$(quiet) LD $@
	$(Q)$(HOSTLD) -r -o $@.tmp $^
	$(Q)$(HOSTNM) --defined-only -g $@.tmp | awk '{print $$3" kern_"$$3}' > $@.syms
	$(Q)$(HOSTOBJCOPY) --redefine-syms=$@.syms $@.tmp $@

# The test programs' own files: hosted C, not kernel code.
$(B)/host/tests/%.o: tests/%.c
	$(quiet) HOSTCC $<
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(foreach t,$(HOST_TESTS),$(eval $(t): $(call host-test-objs,$(t:$(B)/host/test_%=%))))

$(B)/host/test_%: $(B)/host/kern.o
	$(quiet) HOSTLD $@
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(filter %.o,$^) -o $@

host-test-build: $(HOST_TESTS)

# The second compiler README.md names, which `make test` checks: every C
# file of the kernel and the user programs checked by clang with -Werror
# (-fsyntax-only: the warnings only clang gives come from its front end),
# stamps in $(CLANG_B); no code, link, ISO or boot.
CLANG     ?= clang
CLANG_B   := $(B)/clang

clang-check:
	$(Q)$(MAKE) --no-print-directory B=$(CLANG_B) CC=$(CLANG) WERROR=1 \
		SYNTAX_ONLY=1 syntax-check

syntax-check: $(patsubst %.c,$(B)/%.o,$(filter %.c,$(KERNEL_SRCS))) \
	$(patsubst user/lib/%.c,$(UB)/lib/%.o,$(filter %.c,$(USER_LIB_SRCS))) \
	$(foreach p,$(USER_PROGS),$(call user-objs,$(p)))

test: deps all
	@$(PYTHON) tests/run --host --clang $(addprefix --config ,$(CONFIGS)) \
		$(if $(TESTS),--filter '$(TESTS)') --accel $(ACCEL)

# The classroom labs (docs/labs/README.md).  make lab LAB=name OUT=dir
# writes a lab's student tree (tools/mklab); make grade LAB=name runs its
# graded tests and prints the score (tools/grade.py, the points in
# docs/labs/grade.conf); without LAB, the student tree's own lab, or
# every lab.
LAB_USAGE := usage: make lab LAB=name OUT=dir (labs: docs/labs/grade.conf)
lab:
	@test -n '$(LAB)' && test -n '$(OUT)' || { echo '$(LAB_USAGE)' >&2; exit 2; }
	@$(PYTHON) tools/mklab '$(LAB)' '$(OUT)'

# grade builds the tree itself: one that does not build still scores 0.
grade: deps
	@$(PYTHON) tools/grade.py $(LAB)

# Benchmarks: an ISO booting with bench=$(BENCH), run by tools/bench.py,
# which also times `make run` (and `make run GRUB=1`) to the shell prompt
# BENCH_BOOT_RUNS times each; ICOUNT=1 runs QEMU with -icount shift=0
# (docs/bench.md).
BENCH ?= all
ICOUNT ?=
BENCH_BOOT_RUNS ?= 5
bench: deps
	@$(MAKE) -s ISO=$(B)/bench.iso CMDLINE='bench=$(BENCH)' $(B)/bench.iso
	@$(MAKE) -s CMDLINE= iso
	@$(PYTHON) tools/bench.py --iso $(B)/bench.iso --out $(B)/bench.json \
		--filter '$(BENCH)' --boot-runs $(BENCH_BOOT_RUNS) \
		$(if $(filter 1,$(ICOUNT)),--icount)
	$(if $(filter 1,$(ICOUNT)),,@$(PYTHON) tools/bench_baseline.py check --baseline bench/baseline.json $(B)/bench.json)

# bench/baseline.json: Ferry's figures over BENCH_BOOTS boots of every
# metric, the reference `make bench` flags changes against.  Commit it
# with the change that moved it.  BENCH_WAIT: the most seconds to wait
# before a boot while other emulators run on the host.
BENCH_BOOTS ?= 5
BENCH_WAIT ?= 300
bench-baseline: deps
	@$(MAKE) -s ISO=$(B)/bench.iso CMDLINE='bench=all' $(B)/bench.iso
	@$(MAKE) -s CMDLINE= iso
	@$(PYTHON) tools/bench_baseline.py write --baseline bench/baseline.json \
		--iso $(B)/bench.iso --boots $(BENCH_BOOTS) --wait $(BENCH_WAIT)

# Ferry beside Linux (tools/bench_linux.py; the Linux side's rules are in
# bench/linux/bench.mk).
deps-bench-linux:
	@sh tools/deps.sh bench-linux

bench-linux: deps-bench-linux
	@$(MAKE) -s ISO=$(B)/bench.iso CMDLINE='bench=$(BENCH)' $(B)/bench.iso
	@$(MAKE) -s CMDLINE= iso
	@$(MAKE) -s $(BL)/initrd.cpio
	@$(PYTHON) tools/bench_linux.py --iso $(B)/bench.iso --linux-kernel $(LINUX_IMAGE) \
		--initrd $(BL)/initrd.cpio --filter '$(BENCH)' --boots $(BENCH_BOOTS) \
		--wait $(BENCH_WAIT) --out $(B)/bench.json --chart $(B)/bench.svg

clean:
	rm -rf $(B)

# Not the clang build's: it may be writing them as this make reads.
-include $(shell find $(B) -name '*.d' -type f -not -path '$(CLANG_B)/*' 2>/dev/null)
