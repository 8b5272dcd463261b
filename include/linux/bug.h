/*
 * Checks for "cannot happen" conditions (see STYLE.md section 6):
 * WARN_ON()/WARN_ON_ONCE() report with a backtrace and let the caller
 * recover; WARN()/WARN_ONCE() do the same with a printf-style message
 * first; BUG_ON() panics, for the rare case where going on would
 * corrupt memory others rely on.  The WARNs return the condition.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/panic.h>

/* "WARNING: at file:line: cond" and a backtrace; cond may be NULL. */
void __warn(const char *file, int line, const char *cond);
/* A WARN()'s message, printed before its report (Linux's name). */
void __warn_printk(const char *fmt, ...) __printf(1, 2);

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

#define WARN(cond, fmt, ...) ({					\
	bool __ret = !!(cond);						\
	if (unlikely(__ret)) {						\
		__warn_printk(fmt, ##__VA_ARGS__);			\
		__warn(__FILE__, __LINE__, NULL);			\
	}								\
	__ret;								\
})

#define WARN_ONCE(cond, fmt, ...) ({					\
	static bool __warned;						\
	bool __ret = !!(cond);						\
	if (unlikely(__ret) && !__warned) {				\
		__warned = true;					\
		WARN(1, fmt, ##__VA_ARGS__);				\
	}								\
	__ret;								\
})

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

#endif
