#!/usr/bin/env python3
"""A stand-in for QEMU booting Ferry to its shell, for tests/e2e_shell.py's
self-test (tests/host/test_e2e.py).

Run in QEMU's place (QEMU=tests/host/fake_shell.py, so `make
print-qemu-run` prints it with QEMU's arguments, which it ignores), it
behaves like the serial console of a booted Ferry: boot messages, then
the shell's prompt "/ $ ", a line editor reading raw keys from its
terminal (Backspace, Ctrl-U, Ctrl-C, Enter as CR) and a few commands
answered the way Ferry's programs answer them.

FAKE_SHELL_SCRIPT picks a story:

  good             everything works
  no_prompt        boots, never shows a prompt
  bad_backspace    Backspace is echoed but not removed from the line
  no_segfault_line `fault segv` kills the program without the kernel line
  panic_on_fault   `fault segv` panics the kernel; QEMU exits (-no-reboot)
  panic_on_kill    `kill -9 1` panics the kernel, and another CPU still
                   prints the prompt after the panic message
  hang_on_ls       `ls` never ends (until Ctrl-C)
  ctrl_c_runs      Ctrl-C runs the line instead of cancelling it
  drops_paste      a line loses what arrives after its 3857th character,
                   its Enter too, as the console did when its serial
                   buffer overflowed

Commands may write to files (`> FILE`, `>> FILE`) that `cat` reads back;
/proc/tty/driver/serial counts the bytes read from the terminal.  An
edu device answers `lspci`, `edu info`, `edu fact N`, `edu write -o OFF
FILE`, `edu read -o OFF -n LEN > FILE` (with or without --zero-copy),
`cmp`, `dmatest` and `dmesg | grep edu`, and `&&` joins commands.
"""

import os
import sys
import termios
import time
import tty

SCRIPT = os.environ.get('FAKE_SHELL_SCRIPT', 'good')

BOOT_LOG = [
    'Ferry 0.1 booting',
    '[    0.000000] Command line: ',
    '[    0.512000] init: starting /bin/sh on /dev/console',
]
BIN = ['cat', 'echo', 'false', 'fault', 'kill', 'ls', 'sh', 'true',
       'usertests']
EDU_LSPCI = '00:02.0 Unclassified device [00ff]: Device 1234:11e8 (rev 10)'
EDU_INFO = ['/dev/edu0: 1234:11e8 rev 10',
            '  identification:        0x010000ed (version 1.0)']
EDU_PROBE = ('[    0.068444] edu 0000:00:02.0: /dev/edu0: id 0x10000ed, '
             '28-bit DMA, MSI, timeout 1000 ms')
BUDDYINFO = [
    'Node 0, zone      DMA      1      0      1      0      2      1',
    'Node 0, zone    DMA32    131     64     20      8      3      2',
]


def out(text):
    os.write(1, text.replace('\n', '\r\n').encode())


DROP_AFTER = 3857                 # drops_paste: characters a line keeps


class Shell:
    def __init__(self):
        self.status = 0
        self.line = ''
        self.files = {}
        self.received = 0           # bytes read from the terminal
        self.dropping = False       # drops_paste: losing input until Enter
        self.dropped = False        # drops_paste: this line lost some
        self.edu = bytearray(4095)  # the edu device's buffer

    def prompt(self):
        out('/ $ ')

    def run(self, line):
        for command in line.split('&&'):
            self.run_one(command)
            if self.status:
                return

    def option(self, words, name, default):
        return int(words[words.index(name) + 1]) if name in words else default

    def run_edu(self, words):
        self.status = 0
        if words[1:] == ['info']:
            out('\n'.join(EDU_INFO) + '\n')
        elif words[1] == 'fact':
            n, result = int(words[2]), 1
            for i in range(2, n + 1):
                result = result * i % (1 << 32)
            out(f'{n}! = {result}\n')
        elif words[1] == 'write' and words[-1] in self.files:
            data = self.files[words[-1]].encode()
            off = self.option(words, '-o', 0)
            self.edu[off:off + len(data)] = data
        elif words[1] == 'read' and words[-2] == '>':
            off, n = self.option(words, '-o', 0), self.option(words, '-n', 0)
            self.files[words[-1]] = self.edu[off:off + n].decode()
        else:
            self.status = 1

    def run_one(self, line):
        words = line.split()
        if not words:
            return
        name = words[0]
        if name == 'edu' and len(words) > 1:
            self.run_edu(words)
            return
        if name == 'cmp' and len(words) == 3:
            same = self.files.get(words[1]) == self.files.get(words[2])
            if not same:
                out(f'{words[1]} {words[2]} differ: byte 1, line 1\n')
            self.status = 0 if same else 1
            return
        if name == 'echo' and len(words) > 2 and words[-2] in ('>', '>>'):
            text = ' '.join(words[1:-2]) + '\n'
            if words[-2] == '>':
                self.files[words[-1]] = ''
            self.files[words[-1]] = self.files.get(words[-1], '') + text
            self.status = 0
        elif name == 'echo':
            args = words[1:]
            if args[-2:] == ['|', 'cat']:
                args = args[:-2]
            args = [str(self.status) if a == '$?' else a for a in args]
            out(' '.join(args) + '\n')
            self.status = 0
        elif name == 'cat' and words[1:] == ['/proc/tty/driver/serial']:
            out('serinfo:1.0 driver revision:\n'
                f'0: uart:16550A port:000003F8 irq:4 tx:100 '
                f'rx:{self.received} RTS|CTS|DTR|DSR|CD\n')
            self.status = 0
        elif name == 'cat' and all(w in self.files for w in words[1:]):
            out(''.join(self.files[w] for w in words[1:]))
            self.status = 0
        elif name == 'ls':
            if SCRIPT == 'hang_on_ls':
                self.hang()
                return
            out('  '.join(BIN) + '\n')
            self.status = 0
        elif name == 'cat' and words[1:] == ['/proc/buddyinfo']:
            out('\n'.join(BUDDYINFO) + '\n')
            self.status = 0
        elif name == 'lspci':
            out(EDU_LSPCI + '\n')
            self.status = 0
        elif name == 'dmatest':
            out('dmatest: ok\n')
            self.status = 0
        elif words == ['dmesg', '|', 'grep', 'edu']:
            out(EDU_PROBE + '\n')
            self.status = 0
        elif name == 'fault' and words[1:] == ['segv']:
            self.fault()
        elif name == 'kill' and words[1:] == ['-9', '1']:
            if SCRIPT == 'panic_on_kill':
                out('[    3.141592] Kernel panic - not syncing: Attempted '
                    'to kill init! exitcode=0x00000009\n')
            self.status = 0
        else:
            out(f'sh: {name}: not found\n')
            self.status = 127

    def read_byte(self):
        data = os.read(0, 1)
        self.received += len(data)
        return data

    def fault(self):
        if SCRIPT == 'panic_on_fault':
            out('[    3.141592] Kernel panic - not syncing: Attempted to '
                'kill init\n')
            sys.exit(0)
        if SCRIPT != 'no_segfault_line':
            out('[    3.141592] fault[7]: segfault at 0 ip 0000000000401005 '
                'sp 00007ffffffffe80 error 6\n')
        self.status = 139

    def hang(self):
        while self.read_byte() != b'\x03':
            pass
        out('^C\n')
        self.status = 130

    def key(self, ch):
        if (SCRIPT == 'drops_paste' and len(self.line) >= DROP_AFTER and
                not self.dropped):
            self.dropping = True
        if self.dropping:
            self.dropping = ch != '\r'
            self.dropped = not self.dropping
            return
        if ch == '\r':
            self.dropped = False
            out('\n')
            line, self.line = self.line, ''
            self.run(line)
            self.prompt()
        elif ch in ('\x7f', '\b'):
            if self.line and SCRIPT != 'bad_backspace':
                self.line = self.line[:-1]
                out('\b \b')
            elif self.line:
                out('\b \b')
        elif ch == '\x15':
            self.line = ''
            out('\r')
            self.prompt()
            out('\x1b[K')
        elif ch == '\x03':
            if SCRIPT == 'ctrl_c_runs':
                self.key('\r')
                return
            out('^C\n')
            self.line = ''
            self.status = 130
            self.prompt()
        elif ch >= ' ':
            self.line += ch
            out(ch)


def main():
    if os.isatty(0):
        tty.setraw(0, termios.TCSANOW)   # as QEMU does with -serial stdio
    for line in BOOT_LOG:
        out(line + '\n')
        time.sleep(0.05)
    if SCRIPT == 'no_prompt':
        while True:
            time.sleep(1)
    shell = Shell()
    shell.prompt()
    while True:
        data = shell.read_byte()
        if not data:
            return 0
        shell.key(data.decode('latin-1'))


if __name__ == '__main__':
    sys.exit(main())
