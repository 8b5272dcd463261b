/*
 * assert(): when the expression is false, print "FILE:LINE: FUNCTION:
 * Assertion `EXPR' failed." to stderr and abort().  Defining NDEBUG
 * before including this header turns assert() into nothing.
 */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : \
		   __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H
__attribute__((noreturn))
void __assert_fail(const char *expr, const char *file, int line,
		   const char *func);
#endif
