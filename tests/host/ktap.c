/*
 * The state of the host test framework (ktap.h), once per program,
 * whichever of its files record a check or a failure.
 */
#include "ktap.h"

int host_case_failed;
unsigned long long host_nr_checks;
