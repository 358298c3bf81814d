/* clock.c - the benchmarks' clocks (clock.h). */
#include <sys/resource.h>
#include <time.h>

#include "clock.h"

static double seconds(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double bench_wall(void)
{
	return seconds(CLOCK_MONOTONIC);
}

double bench_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

double bench_thread_cpu(void)
{
	return seconds(CLOCK_THREAD_CPUTIME_ID);
}
