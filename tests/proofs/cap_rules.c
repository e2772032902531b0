/*
 * cap_rules.c - proof unit for kernel/cap_rules.h (static inline rules
 * used by kernel/cap.c and kernel/syscall.c).  Not compiled into the kernel.
 */
#include "kernel/cap_rules.h"
