"""The machine configurations of tests/qemu.conf, the test filters each
boots with, and the kernel command line that carries them."""

import configparser
import fnmatch
import re
import shlex
import zlib
from dataclasses import dataclass, field

from harness.common import CONFIG_FILE, E2E_NAME, PANIC_NAME, die
from harness.topology import machine_topology, memory_to_mib

COMMAND_LINE_SIZE = 2048     # the kernel's buffer, NUL included
# How a configuration starts the kernel (its `boot` field): GRUB from an
# ISO, or QEMU's -kernel through the PVH entry point (docs/boot.md).
BOOT_WAYS = ('grub', 'pvh')
# A suite name in the `tests` field of qemu.conf.
SUITE_NAME_RE = re.compile(r'^[A-Za-z0-9_]+$')


@dataclass
class Config:
    """One machine configuration from tests/qemu.conf."""
    name: str
    machine: str
    smp: str
    memory: str
    numa: list
    devices: list
    extra: list
    cmdline: list = field(default_factory=list)  # more kernel options
    tests: list = field(default_factory=list)    # its suites; [] means all
    panic: int = -1             # panic=N: -1 resets at once (QEMU exits)
    boot: str = 'grub'          # one of BOOT_WAYS

    def ram_mib(self):
        """The memory size in MiB, for the kernel's ktest_ram= argument."""
        return memory_to_mib(self.memory)

    def machine_args(self):
        """The QEMU arguments describing this machine."""
        return (['-machine', self.machine, '-smp', self.smp,
                 '-m', self.memory] + self.numa + self.devices + self.extra)

    def topology(self):
        """CPUs, chipset and NUMA nodes, as the kernel should find them."""
        return machine_topology(self.machine_args())

    def test_filter(self, test_glob):
        """The ktest= filter of this machine for --filter `test_glob`:
        what both select, or None when that is nothing."""
        return restrict_filter(test_glob, self.tests)

    def kernel_cmdline(self, test_glob):
        """The kernel command line booting this machine."""
        return kernel_cmdline(test_glob, self.ram_mib(),
                              [*self.cmdline,
                               *self.topology().kernel_options()],
                              panic=self.panic)


def load_configs(path=CONFIG_FILE):
    """Read the configurations of qemu.conf, in file order."""
    parser = configparser.ConfigParser(interpolation=None)
    if not parser.read(path):
        die(f'cannot read {path}')
    configs = []
    for name in parser.sections():
        section = parser[name]
        missing = [key for key in ('machine', 'smp', 'memory')
                   if not section.get(key, '').strip()]
        if missing:
            die(f'{path}: [{name}] has no {", ".join(missing)}')
        config = Config(name=name,
                        machine=section['machine'].strip(),
                        smp=section['smp'].strip(),
                        memory=section['memory'].strip(),
                        numa=shlex.split(section.get('numa', '')),
                        devices=shlex.split(section.get('devices', '')),
                        extra=shlex.split(section.get('extra', '')),
                        cmdline=section.get('cmdline', '').split(),
                        tests=section.get('tests', '').replace(',', ' ')
                        .split(),
                        boot=section.get('boot', 'grub').strip())
        if config.boot not in BOOT_WAYS:
            die(f'{path}: [{name}]: boot = {config.boot!r}, not one of '
                f'{", ".join(BOOT_WAYS)}')
        try:
            config.ram_mib()
            config.topology().kernel_options()
            check_suite_names(config.tests)
        except (ValueError, KeyError) as error:
            die(f'{path}: [{name}]: {error}')
        configs.append(config)
    return configs


def check_suite_names(names):
    """The `tests` field holds plain suite names, not globs."""
    for name in names:
        if not SUITE_NAME_RE.match(name):
            raise ValueError(f'tests: {name!r} is not a suite name')


def restrict_filter(test_glob, suites):
    """The kernel filter selecting what `test_glob` selects within `suites`.

    test_glob is a --filter value: comma-separated globs "SUITE" or
    "SUITE.CASE", or "all".  suites is a configuration's `tests` field:
    suite names, none meaning every suite.  Each glob is applied to each
    suite name, as the kernel would, and the suites it selects take its
    place, each with the glob's case part.  Returns None when no suite is
    left, for a configuration that has nothing to run.
    """
    if not suites:
        return test_glob
    kept = []
    for glob in test_glob.split(','):
        suite_glob, dot, case_glob = glob.partition('.')
        for suite in suites:
            if glob == 'all':
                item = suite
            elif fnmatch.fnmatchcase(suite, suite_glob):
                item = suite + dot + case_glob
            else:
                continue
            if item not in kept:
                kept.append(item)
    return ','.join(kept) or None


def select_configs(configs, names):
    """The configurations named by --config (all of them if none).

    The names "panic" and "e2e" select stages, not configurations.
    """
    if not names:
        return configs
    names = [name for name in names if name not in (E2E_NAME, PANIC_NAME)]
    by_name = {config.name: config for config in configs}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        die(f'unknown configuration {", ".join(unknown)}; '
            f'known: {", ".join(by_name)}, {PANIC_NAME}, {E2E_NAME}')
    return [by_name[name] for name in names]


def wants_e2e(args):
    """Whether to run the end-to-end stage: --e2e/--no-e2e, else with
    --config e2e, or when everything runs (no --config, no --filter)."""
    if args.e2e is not None:
        return args.e2e
    if E2E_NAME in args.config:
        return True
    return not args.config and args.filter == 'all'


def wants_panic(args):
    """Whether to run the panic stage: with --config panic, or when
    everything runs (no --config, no --filter)."""
    if PANIC_NAME in args.config:
        return True
    return not args.config and args.filter == 'all'


def kernel_cmdline(test_glob, ram_mib, options=(), panic=-1):
    """The kernel command line, ending with the checksum of what precedes.

    `options` (the ktest_cpus=... of Topology.kernel_options()) go after
    panic=N (-1 unless the panic stage asks otherwise).  The kernel
    recomputes the CRC-32 of the text before ' ktest_sum=' to check that
    the line reached it intact.
    """
    prefix = ' '.join([f'ktest={test_glob}', f'ktest_ram={ram_mib}',
                       f'panic={panic}', *options])
    checksum = format(zlib.crc32(prefix.encode()), '08x')
    line = f'{prefix} ktest_sum={checksum}'
    if len(line) >= COMMAND_LINE_SIZE:
        raise ValueError(f'the kernel command line would be {len(line)} '
                         f'bytes; the kernel keeps {COMMAND_LINE_SIZE - 1}')
    return line
