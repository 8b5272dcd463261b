/*
 * In-kernel microbenchmarks (kernel/bench.c), selected with bench=GLOB
 * on the command line instead of the tests.
 */
#ifndef _LINUX_BENCH_H
#define _LINUX_BENCH_H

/* Run the benchmarks whose names match filter ("all": every one). */
int bench_run(const char *filter);

#endif
