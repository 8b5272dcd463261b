# User space: the C library, the programs, and the initrd that carries
# them.  Included by the top-level Makefile; paths are relative to the
# repository root and everything is written under $(B)/user.
#
#   user/lib/*.c, *.S     -> $(B)/user/libc.a (+ crt0.o)
#   user/NAME.c           -> $(B)/user/bin/NAME    (one-file program)
#   user/NAME/*.c         -> $(B)/user/bin/NAME    (program in a folder)
#   rootfs/ + the programs -> $(B)/initrd.cpio     (/bin, /etc, /tmp)
#
# Programs are static ELF64 executables linked at 0x400000 by
# user/user.lds.  They may use x87 and SSE: the kernel saves each
# process's registers when it switches.

USER_PROGS := init sh ls cat echo ps kill free mkdir rm true false sleep \
	fault libctest edu dmatest dmesg hexdump cmp head wc lspci grep
USER_PROGS += usertests
USER_PROGS += fuzz

AR        := $(CROSS_COMPILE)ar
OBJCOPY   := $(CROSS_COMPILE)objcopy
UB        := $(B)/user

USER_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables \
	-fno-omit-frame-pointer \
	$(call cc-option,-fno-tree-loop-distribute-patterns) \
	-isystem $(shell $(CC) -print-file-name=include) \
	-Iuser/include -Iinclude/uapi \
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -MMD -MP
ifeq ($(WERROR),1)
USER_CFLAGS += -Werror
endif
# -no-pie where the compiler driver knows it (clang's warns it is unused).
user-ld-option = $(shell $(CC) -Werror $(1) -static -nostdlib -Wl,-e,0 \
	-x c /dev/null -o /dev/null 2>/dev/null && echo $(1))
USER_LDFLAGS := -static -nostdlib $(call user-ld-option,-no-pie) \
	-Wl,-T,user/user.lds -Wl,-z,max-page-size=0x1000 -Wl,--build-id=none

USER_LIB_SRCS := $(sort $(wildcard user/lib/*.c user/lib/*.S))
USER_LIB_OBJS := $(patsubst user/lib/%,$(UB)/lib/%.o,$(basename \
	$(filter-out user/lib/crt0.S,$(USER_LIB_SRCS))))
USER_CRT0     := $(UB)/lib/crt0.o
USER_LIBC     := $(UB)/libc.a
USER_BINS     := $(addprefix $(UB)/bin/,$(USER_PROGS))
# The initrd carries copies without debug information (gdb reads
# $(UB)/bin); the symbol table stays.
USER_INITRD_BINS := $(addprefix $(UB)/initrd/bin/,$(USER_PROGS))
INITRD        := $(B)/initrd.cpio
ROOTFS_FILES  := $(shell find rootfs -type f 2>/dev/null)

# The objects of program NAME: user/NAME.c, or every user/NAME/*.c.
user-objs = $(if $(wildcard user/$(1).c),$(UB)/$(1).o,\
	$(patsubst user/%.c,$(UB)/%.o,$(wildcard user/$(1)/*.c)))

.PHONY: user initrd
user: $(USER_BINS) $(INITRD)
initrd: $(INITRD)

$(UB)/lib/%.o: user/lib/%.c
	$(quiet) UCC $<
	@mkdir -p $(dir $@)
	$(Q)$(call cc-compile,$(USER_CFLAGS))

$(UB)/lib/%.o: user/lib/%.S
	$(quiet) UAS $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(UB)/%.o: user/%.c
	$(quiet) UCC $<
	@mkdir -p $(dir $@)
	$(Q)$(call cc-compile,$(USER_CFLAGS))

$(USER_LIBC): $(USER_LIB_OBJS)
	$(quiet) AR $@
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

# One link rule per program, naming its own objects.
define user-prog-rule
$(UB)/bin/$(1): $(call user-objs,$(1)) $(USER_CRT0) $(USER_LIBC) user/user.lds
	$$(quiet) ULD $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(USER_LDFLAGS) -o $$@ $$(USER_CRT0) \
		$(call user-objs,$(1)) $$(USER_LIBC)
endef
$(foreach p,$(USER_PROGS),$(eval $(call user-prog-rule,$(p))))

$(UB)/initrd/bin/%: $(UB)/bin/%
	@mkdir -p $(dir $@)
	$(Q)$(OBJCOPY) --strip-debug $< $@

$(INITRD): $(USER_INITRD_BINS) $(ROOTFS_FILES) tools/mkinitrd.py
	$(quiet) CPIO $@
	$(Q)$(PYTHON) tools/mkinitrd.py -o $@ --tree rootfs --dir /tmp \
		$(foreach p,$(USER_PROGS),\
			--program /bin/$(p)=$(UB)/initrd/bin/$(p))

# The host tests run these binaries directly.
host-test-build: user
