/* clock.h - the clocks the benchmarks read: wall time for rates, CPU
 * time for cost (measured as ratios within one run, never as a test). */
#ifndef ASSAY_BENCH_CLOCK_H
#define ASSAY_BENCH_CLOCK_H

/* Seconds on the monotonic clock. */
double bench_wall(void);
/* CPU seconds (user and system) of the whole process, all threads. */
double bench_cpu(void);
/* CPU seconds of the calling thread. */
double bench_thread_cpu(void);

#endif
