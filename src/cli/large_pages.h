// UseLargePages: the binary's memory on 2 MiB pages, set up once at the
// start of main().
#ifndef PARALLAX_CLI_LARGE_PAGES_H_
#define PARALLAX_CLI_LARGE_PAGES_H_

namespace parallax::cli {

// When the binary is linked with mimalloc (PARALLAX_WITH_MIMALLOC, the
// default build), asks it for transparent huge pages: where the kernel has
// them in "madvise" or "always" mode (Debian's and Ubuntu's defaults),
// memory then faults in 2 MiB at a time instead of 4 KiB. Elsewhere, or
// with MIMALLOC_LARGE_OS_PAGES set in the environment (the user's choice
// wins), nothing changes. Never fails: this is advice to the kernel.
void UseLargePages();

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_LARGE_PAGES_H_
