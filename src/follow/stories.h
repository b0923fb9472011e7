// Internal to follow: the steps after a pass's pages are stored.
#ifndef PARALLAX_FOLLOW_STORIES_H_
#define PARALLAX_FOLLOW_STORIES_H_

#include "parallax/follow.h"
#include "parallax/store.h"

namespace parallax::follow_internal {

// Duplicate groups found again over the store (dedup is fast enough to redo:
// ~200,000 articles a second), the new articles joined to the stories of
// earlier passes (the saved clusterer state), the search index brought up
// to date and, with `digest`, the new articles digested (IndexStore).
// Fills the report's story and group counts.
Status UpdateStories(Store& store, unsigned jobs, bool digest, PassReport& report);

}  // namespace parallax::follow_internal

#endif  // PARALLAX_FOLLOW_STORIES_H_
