/*
 * Checks for "cannot happen" conditions (see STYLE.md section 6):
 * WARN_ON()/WARN_ON_ONCE() report with a backtrace and let the caller
 * recover; BUG_ON() panics, for the rare case where going on would
 * corrupt memory others rely on.  WARN_ON returns the condition.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/panic.h>

void __warn(const char *file, int line, const char *cond);

#define WARN_ON(cond) ({						\
	bool __ret = !!(cond);						\
	if (unlikely(__ret))						\
		__warn(__FILE__, __LINE__, #cond);			\
	__ret;								\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	bool __ret = !!(cond);						\
	if (unlikely(__ret) && !__warned) {				\
		__warned = true;					\
		__warn(__FILE__, __LINE__, #cond);			\
	}								\
	__ret;								\
})

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

#endif
