/*
 * fault KIND: make this process crash, for labs and tests.  Each kind
 * raises a different CPU exception, which the kernel must turn into a
 * signal that ends the process (and only the process):
 *
 *   segv    read address 0                    page fault  -> SIGSEGV
 *   write   write into this program's text    page fault  -> SIGSEGV
 *   div     integer division by zero          #DE         -> SIGFPE
 *   ill     execute ud2                       #UD         -> SIGILL
 *   stack   recurse until the stack runs out  page fault  -> SIGSEGV
 *
 * It says what it is about to do on stderr first.  If the process is
 * still alive afterwards, that is a kernel bug: it says so and exits 3.
 */
#include <stdio.h>
#include <string.h>

static volatile int zero;	/* volatile: the compiler cannot fold */

static void fault_segv(void)
{
	volatile int *p = (volatile int *)(unsigned long)zero;

	(void)*p;
}

static void fault_write(void)
{
	volatile unsigned char *text = (volatile unsigned char *)fault_write;

	*text = 0xc3;
}

static void fault_div(void)
{
	volatile int a = 1;

	a = a / zero;
}

static void fault_ill(void)
{
	asm volatile("ud2");
}

/*
 * The buffer and its use after the call stop tail-call optimisation;
 * the test of a volatile keeps the compiler from calling it endless.
 */
static int fault_stack_depth(int depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	if (zero != 0)
		return 0;
	return fault_stack_depth(depth + 1) + frame[0];
}

static void fault_stack(void)
{
	fault_stack_depth(0);
}

static const struct {
	const char *name;
	void (*fn)(void);
	const char *what;
} kinds[] = {
	{ "segv", fault_segv, "reading address 0" },
	{ "write", fault_write, "writing to my own text" },
	{ "div", fault_div, "dividing by zero" },
	{ "ill", fault_ill, "executing an invalid instruction (ud2)" },
	{ "stack", fault_stack, "recursing without end" },
};

int main(int argc, char **argv)
{
	size_t i;

	for (i = 0; argc == 2 && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(argv[1], kinds[i].name))
			continue;
		fprintf(stderr, "fault: %s\n", kinds[i].what);
		kinds[i].fn();
		fprintf(stderr, "fault: still alive after %s\n",
			kinds[i].what);
		return 3;
	}
	fprintf(stderr, "usage: fault segv|write|div|ill|stack\n");
	return 2;
}
