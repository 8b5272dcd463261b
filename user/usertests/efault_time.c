/*
 * usertests: bad pointers in the calls of time and the system:
 * nanosleep (request and remainder), clock_gettime and uname.
 */
#include <time.h>

#include "efault.h"

/* ---- time and the system: nanosleep, clock_gettime, uname --------- */

void test_efault_time(void)
{
	long req[2] = { 0, 1000 };
	const struct bad *b;

	setup_memory();
	for_each_bad(b, 0)
		EXPECT_EFAULT("nanosleep(req)", b->name, SYS_nanosleep,
			      b->addr, NULL);
	EXPECT_EFAULT("nanosleep(req)", "a range running into an unmapped "
		      "page", SYS_nanosleep, off_end(KTIMESPEC_SIZE), NULL);
	/* The read-only page holds a timespec of 1 ms: readable is fine. */
	EXPECT_EQ(syscall(SYS_nanosleep, m.ro, NULL), 0);
	/* rem is written only when a sleep is interrupted: not here. */
	for_each_bad(b, 1)
		EXPECT_MSG(syscall(SYS_nanosleep, req, b->addr) == 0,
			   "nanosleep of 1 us with rem at %s failed (errno "
			   "%s); rem is only written on EINTR", b->name,
			   ut_errno_name(errno));

	for_each_bad(b, 1) {
		EXPECT_EFAULT("clock_gettime(CLOCK_MONOTONIC)", b->name,
			      SYS_clock_gettime, CLOCK_MONOTONIC, b->addr);
		EXPECT_EFAULT("clock_gettime(CLOCK_REALTIME)", b->name,
			      SYS_clock_gettime, CLOCK_REALTIME, b->addr);
		EXPECT_EFAULT("uname", b->name, SYS_uname, b->addr);
	}
	EXPECT_EFAULT_CROSSING("clock_gettime", KTIMESPEC_SIZE, q,
			       SYS_clock_gettime, CLOCK_MONOTONIC, q);
	EXPECT_EFAULT_CROSSING("uname", KUTSNAME_SIZE, q, SYS_uname, q);
	expect_alive();
}
