/* Same as <sys/syscall.h>. */
#include <sys/syscall.h>
