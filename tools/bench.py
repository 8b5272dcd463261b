#!/usr/bin/env python3
"""Boot the benchmark ISO in QEMU and gather its results.

The kernel, started with bench=GLOB, prints one line per metric,
  bench.NAME=MEDIAN min=MIN max=MAX batches=N ops=N [unit=UNIT]
(TSC cycles per operation unless a unit is given; "%" for the multi-CPU
ratios), a "bench: NAME skipped: why" line for each metric this machine
cannot measure, and powers QEMU off through isa-debug-exit.  This script
prints a table of the metrics, keeps the serial output beside the JSON
file (bench.log for bench.json) and writes the metrics to that file:
  {"machine": "...", "icount": false,
   "metrics": {"NAME": {"median": .., "min": .., "max": .., "unit": ..}},
   "skipped": {"NAME": "why"}}
docs/bench.md says how to read them.

It also times `make run` itself (unless --boot-runs 0): the wall-clock
milliseconds from starting QEMU to the shell's prompt, with the very
command `make run` uses (`make print-qemu-run`: the kernel started by
QEMU, PVH) and the one `make run GRUB=1` uses (the ISO through GRUB),
each --boot-runs times, waiting for the prompt on a pseudo-terminal as
tests/e2e_shell.py does.  The two metrics, boot_to_prompt_ms and
boot_to_prompt_grub_ms, keep the median, the least and the greatest of
the boots; they need `make iso CMDLINE=` built first.
"""
import argparse
import fnmatch
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests'))
from e2e.session import GuestGone, Session, Timeout  # noqa: E402

LINE = re.compile(r'^bench\.(\w+)=(\d+) min=(\d+) max=(\d+) batches=(\d+) ops=(\d+)'
                  r'(?: unit=(\S+))?')
SKIP = re.compile(r'^bench: (\w+) skipped: (.*)')
FAIL = re.compile(r'^bench: (\w+) failed(.*)')
# Four CPUs in two NUMA nodes of 512 MiB (CPUs 0-1 on node 0, 2-3 on
# node 1): the multi-CPU metrics need four, the remote-node one a second
# node with memory.
MACHINE = ['-machine', 'q35', '-smp', '4', '-m', '1G',
           '-object', 'memory-backend-ram,id=m0,size=512M',
           '-numa', 'node,nodeid=0,cpus=0-1,memdev=m0',
           '-object', 'memory-backend-ram,id=m1,size=512M',
           '-numa', 'node,nodeid=1,cpus=2-3,memdev=m1']
DEFAULT_UNIT = 'TSC cycles/op'
# The boot-time metrics: make's arguments for the command each times.
BOOT_METRICS = {
    'boot_to_prompt_ms': ['GRUB='],		# make run: QEMU's -kernel
    'boot_to_prompt_grub_ms': ['GRUB=1'],	# make run GRUB=1: the ISO
}
BOOT_TIMEOUT = 120		# seconds for one boot to reach the prompt


def run_qemu(args):
    cmd = [args.qemu, *MACHINE, '-accel', 'tcg', '-cpu', args.cpu, '-no-reboot',
           '-nic', 'none', '-display', 'none', '-serial', 'stdio',
           '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
           '-cdrom', args.iso, '-boot', 'd']
    if args.icount:
        cmd += ['-icount', 'shift=0']
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=args.timeout, text=True,
                          errors='replace').stdout


def parse(out):
    metrics, skipped, failed = {}, {}, {}
    for line in out.splitlines():
        line = line.strip()
        m = LINE.match(line)
        if m:
            metrics[m.group(1)] = {'median': int(m.group(2)), 'min': int(m.group(3)),
                                   'max': int(m.group(4)), 'batches': int(m.group(5)),
                                   'ops': int(m.group(6)),
                                   'unit': m.group(7) or DEFAULT_UNIT}
            continue
        m = SKIP.match(line)
        if m:
            skipped[m.group(1)] = m.group(2)
        m = FAIL.match(line)
        if m:
            failed[m.group(1)] = line
    return metrics, skipped, failed


def selected(name, glob):
    """Whether the BENCH= glob (or all) names it, as the kernel decides."""
    return glob == 'all' or fnmatch.fnmatchcase(name, glob)


def run_command(make_args):
    """`make run`'s QEMU command for these make arguments."""
    out = subprocess.run(['make', '-s', '--no-print-directory', 'print-qemu-run',
                          'CMDLINE=', *make_args], cwd=ROOT, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return shlex.split([line for line in out.splitlines() if line.strip()][-1])


def boot_to_prompt(command, log):
    """Milliseconds from starting command to the shell's prompt."""
    start = time.monotonic()
    session = Session(command, log, 0)
    try:
        session.wait_prompt(-1, BOOT_TIMEOUT)
        return (time.monotonic() - start) * 1000
    finally:
        session.close()


def boot_metrics(glob, runs, log):
    """The boot-time metrics the glob selects, each over runs boots, in
    tools/bench.py's form; and the failures ({name: why})."""
    metrics, failed = {}, {}
    for name, make_args in BOOT_METRICS.items():
        if not selected(name, glob):
            continue
        try:
            command = run_command(make_args)
            ms = [round(boot_to_prompt(command, log)) for _ in range(runs)]
        except (OSError, subprocess.CalledProcessError, GuestGone,
                Timeout) as e:
            failed[name] = f'bench: {name} failed: {e}'
            continue
        metrics[name] = {'median': round(statistics.median(ms)), 'min': min(ms),
                         'max': max(ms), 'batches': runs, 'ops': 1,
                         'unit': 'ms', 'boots': ms}
    return metrics, failed


def print_table(metrics, skipped, icount):
    clock = 'instructions' if icount else 'TSC cycles'
    print(f'{"metric":<26} {"median":>10} {"min":>10} {"max":>10} {"spread":>7}  unit')
    for name, m in metrics.items():
        spread = (m['max'] - m['min']) * 100 // max(m['median'], 1)
        unit = m['unit']
        if unit == DEFAULT_UNIT:
            unit = clock + '/op'
        elif unit == 'ms':
            unit = f'ms from QEMU\'s start to the prompt ({m["batches"]} boots)'
        elif unit == '%':
            ncpus = int(re.match(r'scale(\d+)', name).group(1)) if name.startswith('scale') else 1
            unit = f'% of one CPU (perfect: {100 * ncpus}; per CPU ' \
                   f'{m["median"] // ncpus}%)'
        print(f'{name:<26} {m["median"]:>10} {m["min"]:>10} {m["max"]:>10} '
              f'{spread:>6}%  {unit}')
    for name, why in skipped.items():
        print(f'{name:<26} {"-":>10}  skipped: {why}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--iso', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--qemu', default='qemu-system-x86_64')
    ap.add_argument('--cpu', default='max', help='QEMU -cpu model (default max)')
    ap.add_argument('--timeout', type=int, default=None,
                    help='seconds (default 300, 900 with --icount)')
    ap.add_argument('--icount', action='store_true',
                    help='-icount shift=0: the TSC counts instructions')
    ap.add_argument('--filter', default='all',
                    help='the BENCH= glob, for the boot-time metrics')
    ap.add_argument('--boot-runs', type=int, default=5,
                    help='boots of `make run` per boot-time metric (0: none; '
                         'never with --icount)')
    args = ap.parse_args()
    if args.timeout is None:
        args.timeout = 900 if args.icount else 300
    try:
        out = run_qemu(args)
    except subprocess.TimeoutExpired:
        print('bench: QEMU did not finish in time', file=sys.stderr)
        return 1
    log = re.sub(r'\.json$', '', args.out) + '.log'
    with open(log, 'w') as f:
        f.write(out)
    metrics, skipped, failed = parse(out)
    if args.boot_runs > 0 and not args.icount:
        boots, boot_failed = boot_metrics(args.filter, args.boot_runs,
                                          re.sub(r'\.log$', '', log) + '-boot.log')
        metrics.update(boots)
        failed.update(boot_failed)
    if not metrics:
        print('bench: no results in the output:\n' + out[-2000:], file=sys.stderr)
        return 1
    print_table(metrics, skipped, args.icount)
    for line in failed.values():
        print(line, file=sys.stderr)
    machine = MACHINE + ['-accel', 'tcg', '-cpu', args.cpu]
    if args.icount:
        machine += ['-icount', 'shift=0']
    with open(args.out, 'w') as f:
        json.dump({'machine': ' '.join(machine), 'icount': args.icount,
                   'metrics': metrics, 'skipped': skipped}, f, indent=2)
    print(f'bench: {len(metrics)} metrics written to {args.out}'
          + (f', {len(failed)} failed' if failed else ''))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
