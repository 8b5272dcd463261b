/*
 * The out-of-line half of refcount_t (linux/refcount.h): what happens
 * when a count is found where it can never legitimately be.
 *
 * The count is set to REFCOUNT_SATURATED first, so the object is never
 * freed from here on, and then the misuse is reported in Linux's words
 * with a WARNING and a backtrace that shows the caller.  Each kind of
 * misuse is reported once per boot, as Linux does: a saturated count is
 * usually touched again and again, and the first report is the one that
 * names the bug.
 *
 * Locking: none; two CPUs finding the same misuse at once may both
 * report it.
 */
#include <linux/bug.h>
#include <linux/refcount.h>

#define REFCOUNT_WARN(str)	WARN_ONCE(1, "refcount_t: " str ".\n")

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);

	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
	case REFCOUNT_ADD_OVF:
		REFCOUNT_WARN("saturated; leaking memory");
		break;
	case REFCOUNT_ADD_UAF:
		REFCOUNT_WARN("addition on 0; use-after-free");
		break;
	case REFCOUNT_SUB_UAF:
		REFCOUNT_WARN("underflow; use-after-free");
		break;
	case REFCOUNT_DEC_LEAK:
		REFCOUNT_WARN("decrement hit 0; leaking memory");
		break;
	default:
		REFCOUNT_WARN("unknown saturation event!?");
	}
}
