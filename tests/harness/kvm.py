"""Choosing the accelerator: --accel tcg or kvm as given; auto boots a
probe under KVM once and caches the verdict in build/kvm-probe."""

import os

from harness.boot import ACCEL_QEMU_ARGS, iso_path, qemu_command
from harness.common import EXIT_ALL_PASSED, ROOT
from harness.process import build_iso, describe_status, run_with_timeout

KVM_PROBE_FILE = os.path.join(ROOT, 'build', 'kvm-probe')
KVM_DEVICE = '/dev/kvm'
KVM_PROBE_TIMEOUT = 20       # seconds for the KVM probe boot
# The one case the probe boot runs: quick, and no hardware involved.
KVM_PROBE_FILTER = 'kunit.kunit_filter_selects'


def read_kvm_probe_cache():
    """Return (accel, reason) from build/kvm-probe, or None."""
    try:
        with open(KVM_PROBE_FILE) as cache:
            lines = cache.read().splitlines()
    except OSError:
        return None
    if len(lines) < 2 or lines[0] not in ACCEL_QEMU_ARGS:
        return None                     # not a verdict: probe again
    return lines[0], lines[1]


def write_kvm_probe_cache(accel, reason):
    os.makedirs(os.path.dirname(KVM_PROBE_FILE), exist_ok=True)
    with open(KVM_PROBE_FILE, 'w') as cache:
        cache.write(f'{accel}\n{reason}\n')


def probe_kvm(config, args):
    """Decide between KVM and TCG for --accel auto; return (accel, reason).

    The probe boots `config` under KVM with ktest=KVM_PROBE_FILTER: the
    kernel runs that one quick case and exits with status 33.  Only a probe
    boot's verdict is cached (a missing /dev/kvm is quick to see again).
    """
    if not os.path.exists(KVM_DEVICE):
        return 'tcg', f'{KVM_DEVICE} does not exist'
    if not os.access(KVM_DEVICE, os.R_OK | os.W_OK):
        return 'tcg', f'{KVM_DEVICE} is not readable and writable by this user'

    iso = iso_path('kvm-probe')
    if args.build:
        if build_iso(iso, config.kernel_cmdline(KVM_PROBE_FILTER)) != 0:
            return 'tcg', 'the KVM probe ISO did not build'
    elif not os.path.exists(os.path.join(ROOT, iso)):
        return 'tcg', f'no KVM probe ISO ({iso}) and --no-build given'

    log_path = os.path.join(args.log_dir, 'kvm-probe.log')
    run = run_with_timeout(qemu_command(config, 'kvm', iso),
                           KVM_PROBE_TIMEOUT, log_path)
    if run.error:
        accel, reason = 'tcg', f'KVM probe boot failed: {run.error}'
    elif run.timed_out:
        accel, reason = ('tcg', f'KVM probe boot did not finish in '
                                f'{KVM_PROBE_TIMEOUT} s')
    elif run.status == EXIT_ALL_PASSED:
        accel, reason = 'kvm', 'KVM probe boot finished normally'
    else:
        accel, reason = ('tcg', 'KVM probe boot ended with '
                                f'{describe_status("QEMU", run.status)}')
    write_kvm_probe_cache(accel, reason)
    return accel, reason


def choose_accel(args, configs):
    """Return 'tcg' or 'kvm' and print one line saying why."""
    if args.accel != 'auto':
        print(f'accel: using {args.accel.upper()} ({args.accel_source})')
        return args.accel
    cached = read_kvm_probe_cache()
    if cached:
        accel, reason = cached
        print(f'accel: {reason} (cached in build/kvm-probe; delete it to '
              f'probe again); using {accel.upper()}')
        return accel
    probe_config = next((c for c in configs if c.name == 'small'), configs[0])
    accel, reason = probe_kvm(probe_config, args)
    print(f'accel: {reason}; using {accel.upper()}')
    return accel
