"""The pieces of tests/run, the test harness (tests/run is the entry point).

    common   paths, exit statuses, what a run and an outcome are
    topology what QEMU's arguments describe: CPUs, chipset, NUMA nodes
    config   tests/qemu.conf, test filters and kernel command lines
    process  running make and child processes with a timeout
    boot     QEMU command lines, booting a configuration and judging it
    kvm      choosing the accelerator (--accel auto)
    host     the host tests (C programs and tests/host/test_*.py)
    clang    the clang build (--clang)
    panic    the panic stage
    e2e      the end-to-end stage (tests/e2e_shell.py)
    report   printing outcomes

Each module imports ktap (tests/ktap.py), so tests/ must be on sys.path,
as tests/run arranges.
"""
