/*
 * sysfuzz.h - what the syscall fuzzer and its bystander agree on: each
 * top-level fuzzer ends by sending this message on its marker endpoint
 * (slot SYSFUZZ_MARKER_SLOT, badge = its instance 1..3).
 */
#ifndef TESSERA_TEST_SYSFUZZ_H
#define TESSERA_TEST_SYSFUZZ_H

#define SYSFUZZ_MARKER_SLOT 62
/* The fresh-memory capability (SYS_MAP) of a top-level fuzzer. */
#define SYSFUZZ_MEMORY_SLOT 61
#define SYSFUZZ_DONE_LABEL 0x5f5a
#define SYSFUZZ_DONE_MAGIC 0x73797366757a7a21ull /* "sysfuzz!" */
#define SYSFUZZ_BYSTANDER_ROUNDS 200 /* echo calls at least */

#endif
