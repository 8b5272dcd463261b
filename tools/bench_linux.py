#!/usr/bin/env python3
"""Ferry beside Linux: the same microbenchmarks in both kernels, one QEMU machine.

`make bench-linux` runs this.  Boots alternate between Ferry's bench ISO
(booted by tools/bench.py, so with exactly the machine `make bench` uses)
and Debian's Linux kernel with ferry_bench.ko (bench/linux/), --boots of
each, round by round in the order Ferry-Linux, Linux-Ferry, ... so that
each kernel comes first as often as second.  Under TCG the TSC follows
host time and the host's speed drifts 20-50 % between boots, so only
ratios within one run mean much:

  for each metric and kernel, the median over boots of the per-boot
  medians, the spread (least-greatest) of those, and Ferry / Linux of the
  two medians, with the spread of the per-round ratios (the two boots of
  a round run back to back).

Before each boot it waits while QEMU processes that are not its own run
on the host (at most --wait seconds), and notes a boot during which one
ran.  Linux boots with the switches in LINUX_APPEND, so that it does no
work Ferry skips (docs/bench.md, "Beside Linux").

Writes --out (JSON: both sides, each boot's figures, the ratios; its
"metrics" are Ferry's, in tools/bench.py's form) and --chart (an SVG,
tools/bench_chart.py).  Metric names: tools/bench_metrics.py.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (tools/bench.py: the machine make bench boots)
import bench_metrics as bm  # noqa: E402

LINE = re.compile(r'^bench\.(\w+)=(\d+) min=(\d+) max=(\d+) batches=(\d+) '
                  r'ops=(\d+)(?: unit=(\S+))?')
SKIP = re.compile(r'^bench: (\w+) skipped: (.*)')
FAIL = re.compile(r'^bench: (\w+) failed(.*)')
DEFAULT_UNIT = 'TSC cycles/op'

# Linux's command line.  The fairness switches: Ferry does not zero
# memory on allocation (Debian's kernel does by default), has no
# Spectre/Meltdown mitigations (page-table isolation, retpolines, ...)
# and no hardened-usercopy bounds checks; swiotlb=force is Linux's switch
# to bounce DMA (bench/linux/dma.c keeps the "direct" device out of it).
FAIRNESS = ['init_on_alloc=0', 'mitigations=off', 'hardened_usercopy=off']
LINUX_APPEND = ['console=ttyS0', 'quiet', 'panic=-1', *FAIRNESS, 'swiotlb=force']
POLL = 1.0			# seconds between looks for other emulators
INIT_MARKER = 'bench: init running'	# bench/linux/helper.c's first line


def qemu_args(qemu):
    return [qemu, *bench.MACHINE, '-accel', 'tcg', '-cpu', 'max', '-no-reboot',
            '-nic', 'none', '-display', 'none', '-serial', 'stdio',
            '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04']


# ---------------------------------------------------------------- other emulators

def _ppid(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            return int(f.read().rsplit(')', 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _ours(pid):
    me = os.getpid()
    while pid > 1:
        if pid == me:
            return True
        pid = _ppid(pid)
    return False


def other_emulators():
    """{pid: command line} of the QEMU processes that are not ours."""
    found = {}
    for d in os.listdir('/proc'):
        if not d.isdigit():
            continue
        try:
            with open(f'/proc/{d}/comm') as f:
                if not f.read().startswith('qemu-system'):
                    continue
            with open(f'/proc/{d}/cmdline', 'rb') as f:
                cmd = f.read().replace(b'\0', b' ').decode(errors='replace')
        except OSError:
            continue
        if not _ours(int(d)):
            found[int(d)] = cmd.strip()[:120]
    return found


def wait_quiet(limit):
    """Wait while other emulators run, at most limit s; the seconds waited."""
    start = time.monotonic()
    while other_emulators() and time.monotonic() - start < limit:
        time.sleep(POLL)
    return time.monotonic() - start


class Watch:
    """Notes the other emulators seen while a boot runs."""

    def __init__(self):
        self.seen = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.seen.update(other_emulators())
            self._stop.wait(POLL)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# ---------------------------------------------------------------- boots

def parse_lines(out):
    metrics, skipped, failed = {}, {}, {}
    for line in out.splitlines():
        line = line.strip()
        m, s, f = LINE.match(line), SKIP.match(line), FAIL.match(line)
        if m:
            metrics[m.group(1)] = {'median': int(m.group(2)), 'min': int(m.group(3)),
                                   'max': int(m.group(4)), 'batches': int(m.group(5)),
                                   'ops': int(m.group(6)),
                                   'unit': m.group(7) or DEFAULT_UNIT}
        elif s:
            skipped[s.group(1)] = s.group(2)
        elif f:
            failed[f.group(1)] = line
    return metrics, skipped, failed


def to_common_names(d):
    return {bm.common_name(k, 'linux'): v for k, v in d.items()}


def run_timed(cmd, timeout, marker):
    """Run cmd; its output, and the milliseconds from its start to the
    first line holding marker (None without one)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors='replace')
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        proc.kill()

    killer = threading.Timer(timeout, kill)
    killer.start()
    lines, at = [], None
    try:
        for line in proc.stdout:
            if at is None and marker in line:
                at = (time.monotonic() - start) * 1000
            lines.append(line)
    finally:
        killer.cancel()
        proc.stdout.close()
        proc.wait()
    if timed_out.is_set():
        raise subprocess.TimeoutExpired(cmd, timeout)
    return ''.join(lines), at


def boot_linux(args):
    """One Linux boot: its metrics, skips, failures and output.  The time
    from QEMU's start to the helper's first line is boot_to_init_ms."""
    cmd = qemu_args(args.qemu) + [
        '-kernel', args.linux_kernel, '-initrd', args.initrd,
        '-append', ' '.join(LINUX_APPEND + [f'bench={bm.linux_name(args.filter)}'])]
    out, at = run_timed(cmd, args.timeout, INIT_MARKER)
    metrics, skipped, failed = map(to_common_names, parse_lines(out))
    if at is not None and metrics and bench.selected('boot_to_init_ms', args.filter):
        ms = round(at)
        metrics['boot_to_init_ms'] = {'median': ms, 'min': ms, 'max': ms,
                                      'batches': 1, 'ops': 1, 'unit': 'ms'}
    return metrics, skipped, failed, out


def boot_ferry(args):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'bench.json')
        cmd = [sys.executable, os.path.join(os.path.dirname(__file__), 'bench.py'),
               '--iso', args.iso, '--out', path, '--filter', args.filter]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=args.timeout + 60, text=True, errors='replace')
        if not os.path.exists(path):
            return {}, {}, {}, proc.stdout
        with open(path) as f:
            data = json.load(f)
    _, _, failed = parse_lines(proc.stdout)
    return data.get('metrics', {}), data.get('skipped', {}), failed, proc.stdout


def one_boot(args, kernel, rnd):
    waited = wait_quiet(args.wait)
    start = time.monotonic()
    with Watch() as watch:
        try:
            metrics, skipped, failed, out = (boot_ferry if kernel == 'ferry'
                                             else boot_linux)(args)
        except subprocess.TimeoutExpired:
            metrics, skipped, failed, out = {}, {}, {}, 'timed out'
    boot = {'kernel': kernel, 'round': rnd, 'seconds': round(time.monotonic() - start, 1),
            'waited': round(waited, 1), 'others': sorted(set(watch.seen.values())),
            'metrics': metrics, 'skipped': skipped, 'failed': failed}
    if not metrics:
        boot['error'] = out[-2000:]
    return boot


def run_boots(args):
    boots = []
    total = 2 * args.boots
    for rnd in range(args.boots):
        order = ('ferry', 'linux') if rnd % 2 == 0 else ('linux', 'ferry')
        for kernel in order:
            boot = one_boot(args, kernel, rnd)
            boots.append(boot)
            note = f', {len(boot["others"])} other emulator(s) ran' if boot['others'] else ''
            waited = f', waited {boot["waited"]:.0f} s' if boot['waited'] >= 1 else ''
            print(f'bench: boot {len(boots)}/{total}: {kernel:<5} '
                  f'{len(boot["metrics"])} metrics in {boot["seconds"]:.0f} s'
                  f'{waited}{note}', flush=True)
            if 'error' in boot:
                print(f'bench: {kernel} gave no results:\n{boot["error"]}', file=sys.stderr)
    return boots


# ---------------------------------------------------------------- summary

def per_boot(boots, kernel):
    """{metric: [per-boot median, ...]} of one kernel, and the units."""
    values, units = {}, {}
    for b in boots:
        if b['kernel'] != kernel:
            continue
        for name, m in b['metrics'].items():
            values.setdefault(name, []).append(m['median'])
            units[name] = m.get('unit', DEFAULT_UNIT)
    return values, units


def summarize(values, units):
    return {name: {'median': statistics.median(v), 'min': min(v), 'max': max(v),
                   'boots': v, 'unit': units[name]} for name, v in values.items()}


def round_ratios(boots, name, value):
    """Per round, value(Ferry's metrics) / value(Linux's), where both exist."""
    rounds = {}
    for b in boots:
        rounds.setdefault(b['round'], {})[b['kernel']] = b['metrics']
    out = []
    for r in rounds.values():
        if 'ferry' in r and 'linux' in r:
            f, lx = value(r['ferry'], name), value(r['linux'], name)
            if f is not None and lx:
                out.append(f / lx)
    return out


def _median_of(metrics, name):
    return metrics[name]['median'] if name in metrics else None


def compare(ferry, linux, boots):
    ratios = {}
    for name in ferry:
        if name not in linux or not linux[name]['median']:
            continue
        per_round = round_ratios(boots, name, _median_of)
        ratios[name] = {'ratio': ferry[name]['median'] / linux[name]['median'],
                        'min': min(per_round, default=None),
                        'max': max(per_round, default=None)}
        t = bm.target_for(name)
        if t:
            ratios[name]['target'] = {'what': t[0], 'op': t[1], 'value': t[2],
                                      'met': bm.meets(ratios[name]['ratio'], t[1], t[2])}
    return ratios


def merged_order(first, second):
    """first's names in order, each of second's others after the name it
    follows in second (so that a group stays together)."""
    names = list(first)
    for i, n in enumerate(second):
        if n not in names:
            before = [p for p in second[:i] if p in names]
            names.insert(names.index(before[-1]) + 1 if before else 0, n)
    return names


def within(ferry, linux):
    """Each kernel's own figures: the 'within' targets' speeds, and each
    multi-CPU gain (a % metric) as a factor over one CPU."""
    rows = []
    for what, first, second, op, value in bm.within_targets():
        row = {'what': what, 'metric': first, 'of': second, 'op': op, 'target': value}
        for side, m in (('ferry', ferry), ('linux', linux)):
            if first in m and second in m and m[first]['median']:
                row[side] = m[second]['median'] / m[first]['median']
        rows.append(row)
    for name in merged_order(list(ferry), list(linux)):
        if not bm.is_percent((ferry.get(name) or linux.get(name))['unit']):
            continue
        row = {'metric': name}
        t = bm.target_for(name, 'scale')
        if t:
            row.update(what=t[0], op=t[1], target=t[2])
        for side, m in (('ferry', ferry), ('linux', linux)):
            if name in m:
                row[side] = m[name]['median'] / 100
        rows.append(row)
    for what, first, other, op, value in bm.absolute_targets():
        row = {'what': what, 'metric': first, 'unit': 'ms', 'op': op,
               'target': value}
        if first in ferry:
            row['ferry'] = ferry[first]['median']
        if other and other in linux:
            row['linux'] = linux[other]['median']
            row['linux_metric'] = other
        if 'ferry' in row or 'linux' in row:
            rows.append(row)
    for row in rows:
        if 'ferry' in row and 'target' in row:
            row['met'] = bm.meets(row['ferry'], row['op'], row['target'])
    return rows


# ---------------------------------------------------------------- output

def fmt(v):
    if v is None:
        return '-'
    if isinstance(v, float) and v < 100:
        return f'{v:.3g}' if v < 10 else f'{v:.1f}'
    return f'{v:.0f}'


def spread(m):
    return f'{fmt(m["min"])}-{fmt(m["max"])}' if m else '-'


def verdict(t):
    return f'{t["op"]} {t["value"]:g} {"ok" if t["met"] else "MISSED"}' if t else ''


def print_table(result):
    ferry, linux, ratios = result['ferry'], result['linux'], result['ratios']
    names = merged_order(list(ferry), list(linux))
    print(f'\n{"metric":<26} {"Ferry":>10} {"Linux":>10} {"Ferry/Linux":>11} '
          f'{"rounds":>11}  {"Ferry spread":>19} {"Linux spread":>19}  target')
    for name in names:
        f, lx, r = ferry.get(name), linux.get(name), ratios.get(name)
        unit = (f or lx)['unit']
        label = name + (' %' if bm.is_percent(unit) else '')
        rr = f'{fmt(r["min"])}-{fmt(r["max"])}' if r and r['min'] is not None else '-'
        print(f'{label:<26} {fmt(f["median"]) if f else "-":>10} '
              f'{fmt(lx["median"]) if lx else "-":>10} '
              f'{fmt(r["ratio"]) if r else "-":>11} {rr:>11}  {spread(f):>19} '
              f'{spread(lx):>19}  {verdict(r.get("target")) if r else ""}')
    print('\nWithin each kernel (not ratios to Linux):')
    for row in result['within']:
        if 'of' in row:
            of = f' speed / {row["of"]}'
        else:
            of = ' (ms)' if row.get('unit') == 'ms' else ' x one CPU'
        linux = fmt(row.get('linux'))
        if 'linux_metric' in row:
            linux += f' ({row["linux_metric"]})'
        target = ''
        if 'target' in row:
            met = '' if 'met' not in row else (' ok' if row['met'] else ' MISSED')
            target = f'; target {row["op"]} {row["target"]:g}{met}'
        print(f'  {row["metric"] + of:<44} Ferry {fmt(row.get("ferry")):>6}, '
              f'Linux {linux:>6}{target}')


def print_notes(result, args):
    print(f'\nFigures: TSC cycles per operation (% for scale*), the median over '
          f'boots of each boot\'s median; spreads are least-greatest over boots '
          f'(Ferry/Linux: over rounds).  {args.boots} boots of each kernel, '
          f'alternating, on: {" ".join(bench.MACHINE)} -accel tcg -cpu max.')
    print('boot_to_prompt_ms, boot_to_prompt_grub_ms: milliseconds from '
          'QEMU\'s start to Ferry\'s shell prompt, `make run` (QEMU\'s -kernel) '
          'and `make run GRUB=1` (the ISO) on make run\'s machine (q35, 2 CPUs, '
          '512 MiB), timed by tools/bench.py in each Ferry round; '
          'boot_to_init_ms: from QEMU\'s start to Linux\'s first process '
          '(the helper, -kernel) on the machine above.')
    print(f'Linux ({os.path.basename(args.linux_kernel)}) runs with '
          f'{" ".join(FAIRNESS)} to be a fair peer: Ferry neither zeroes memory '
          f'on allocation nor mitigates Spectre, nor bounds-checks user copies.')
    busy = [i + 1 for i, b in enumerate(result['boots']) if b['others']]
    if busy:
        cmds = sorted({c for b in result['boots'] for c in b['others']})
        print(f'Note: other emulators ran during boot(s) {", ".join(map(str, busy))} '
              f'of {len(result["boots"])}, e.g. {cmds[0]}')
    for side in ('ferry', 'linux'):
        for b in result['boots']:
            if b['kernel'] == side and b['skipped']:
                for name, why in b['skipped'].items():
                    print(f'{side}: {name} skipped: {why}')
                break


SYSTEM_PYTHON = '/usr/bin/python3'	# the one Debian's python3-matplotlib is for


def draw(result_path, path):
    """Draw the saved result here, or with the system's Python if this one
    lacks matplotlib; a message, not a failure, when neither has it."""
    import bench_chart
    try:
        with open(result_path) as f:
            bench_chart.draw(json.load(f), path)
    except ImportError as e:
        other = os.path.exists(SYSTEM_PYTHON) and \
            os.path.realpath(SYSTEM_PYTHON) != os.path.realpath(sys.executable)
        if not other or subprocess.run(
                [SYSTEM_PYTHON, bench_chart.__file__, result_path, path],
                stderr=subprocess.DEVNULL).returncode:
            print(f'bench: no chart ({e}); tools/deps.sh bench-linux installs '
                  'python3-matplotlib', file=sys.stderr)
            return False
    print(f'bench: chart written to {path}')
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--iso', required=True, help="Ferry's bench ISO")
    ap.add_argument('--linux-kernel', required=True, help='/boot/vmlinuz-*')
    ap.add_argument('--initrd', required=True, help='the helper and the module')
    ap.add_argument('--filter', default='all', help='metric glob (BENCH=)')
    ap.add_argument('--boots', type=int, default=5, help='of each kernel')
    ap.add_argument('--wait', type=int, default=300,
                    help='seconds to wait before a boot while other emulators run')
    ap.add_argument('--timeout', type=int, default=600, help='seconds per boot')
    ap.add_argument('--qemu', default='qemu-system-x86_64')
    ap.add_argument('--out', required=True)
    ap.add_argument('--chart')
    args = ap.parse_args()
    if args.boots < 1:
        ap.error('--boots must be at least 1')
    print(f'bench: {args.boots} boots each of Ferry and Linux, alternating; '
          f'Linux runs with {" ".join(FAIRNESS)} (a fair peer)', flush=True)
    boots = run_boots(args)
    ferry = summarize(*per_boot(boots, 'ferry'))
    linux = summarize(*per_boot(boots, 'linux'))
    if not ferry or not linux:
        print('bench: a kernel gave no results; nothing to compare', file=sys.stderr)
        return 1
    result = {'machine': ' '.join(bench.MACHINE + ['-accel', 'tcg', '-cpu', 'max']),
              'linux_kernel': {'image': args.linux_kernel,
                               'append': ' '.join(LINUX_APPEND)},
              'filter': args.filter, 'boots_each': args.boots,
              'metrics': ferry,		# tools/bench.py's key: Ferry's figures
              'ferry': ferry, 'linux': linux,
              'ratios': compare(ferry, linux, boots),
              'within': within(ferry, linux), 'boots': boots}
    print_table(result)
    print_notes(result, args)
    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)
    print(f'\nbench: results written to {args.out}')
    if args.chart:
        draw(args.out, args.chart)
    return 0


if __name__ == '__main__':
    sys.exit(main())
