# The Linux side of `make bench-linux` (docs/bench.md, "Beside Linux"):
# ferry_bench.ko built against Debian's linux-headers for the kernel in
# /boot, the static helper that runs it as PID 1, and the initramfs that
# carries the two.  Included by the top-level Makefile; everything is
# written under $(BL).
#
#   bench/linux/*.c, *.h, Kbuild -> $(BL)/module/ferry_bench.ko
#   bench/linux/helper.c         -> $(BL)/helper (gcc -static)
#   both                         -> $(BL)/initrd.cpio (/init, /ferry_bench.ko)
#
# LINUX_KVER picks the kernel: by default the newest /boot/vmlinuz-*
# whose headers are installed (/lib/modules/VERSION/build).  The module
# is compiled by LINUX_CC, the compiler Debian built that kernel with
# (gcc), whatever CC and CROSS_COMPILE say for Ferry.

BL         := $(B)/bench-linux
LINUX_KVER ?= $(shell for k in $$(ls /boot 2>/dev/null | sed -n 's/^vmlinuz-//p' | \
	sort -Vr); do [ -d /lib/modules/$$k/build ] && echo $$k && break; done)
LINUX_KDIR  = /lib/modules/$(LINUX_KVER)/build
LINUX_IMAGE = /boot/vmlinuz-$(LINUX_KVER)
LINUX_CC   ?= gcc

BENCH_LINUX_SRCS := $(addprefix bench/linux/,Kbuild ferry_bench.h internal.h \
	main.c ops.c scale.c dma.c)

# The kernel version in a file, so that another one rebuilds the module.
$(BL)/kver: FORCE
	@if [ -z "$(LINUX_KVER)" ]; then \
		echo "bench-linux: no /boot/vmlinuz-* with headers; run tools/deps.sh bench-linux" >&2; \
		exit 1; fi
	@mkdir -p $(BL)
	@echo '$(LINUX_KVER)' | cmp -s - $@ || echo '$(LINUX_KVER)' > $@

# Kbuild writes beside the sources: build from a copy under $(BL).
$(BL)/module/ferry_bench.ko: $(BENCH_LINUX_SRCS) $(BL)/kver
	$(quiet) KBUILD "$@ ($(LINUX_KVER))"
	@mkdir -p $(dir $@)
	$(Q)cp $(BENCH_LINUX_SRCS) $(dir $@)
	$(Q)$(MAKE) -s -C $(LINUX_KDIR) M=$(abspath $(dir $@)) CC=$(LINUX_CC) CROSS_COMPILE= \
		modules >$(BL)/module.log 2>&1 || { cat $(BL)/module.log; exit 1; }

$(BL)/helper: bench/linux/helper.c bench/linux/ferry_bench.h
	$(quiet) HOSTCC $@
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -static -O2 -Wall -Wextra -Werror -Ibench/linux $< -o $@

$(BL)/initrd.cpio: $(BL)/helper $(BL)/module/ferry_bench.ko tools/mkinitrd.py
	$(quiet) GEN $@
	$(Q)$(PYTHON) tools/mkinitrd.py -o $@ --dir /dev --program /init=$(BL)/helper \
		--program /ferry_bench.ko=$(BL)/module/ferry_bench.ko
