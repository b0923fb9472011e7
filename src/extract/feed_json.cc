// JSON Feed (https://jsonfeed.org, versions 1 and 1.1), read with
// nlohmann's SAX interface: only the few fields an item needs are kept,
// nothing else is built, and a document of any depth costs one bit of
// parser state per level.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "extract/feed_internal.h"
#include "parallax/url.h"

namespace parallax::feed {
namespace {

using Json = nlohmann::json;

bool IsAbsoluteHttp(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("HTTP://") ||
         url.starts_with("HTTPS://");
}

class JsonFeedReader final : public nlohmann::json_sax<Json> {
 public:
  JsonFeedReader(std::string_view base_url, const FeedOptions& options, size_t document_bytes)
      : base_url_(base_url), options_(options), output_budget_(OutputBudget(document_bytes)) {
    feed_.kind = FeedKind::kJsonFeed;
    feed_.encoding = "utf-8";
  }

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }

  bool string(string_t& value) override {
    if (depth_ == 1) {
      if (top_key_ == "version") version_ = value;
      if (top_key_ == "title") feed_.title = PlainTitle(value);
      if (top_key_ == "feed_url") feed_url_ = value;
      if (top_key_ == "home_page_url") home_page_url_ = value;
    } else if (in_item_ && depth_ == 3) {
      if (item_key_ == "url") url_ = value;
      if (item_key_ == "external_url") external_url_ = value;
      if (item_key_ == "id") id_ = value;
      if (item_key_ == "title") title_ = value;
      if (item_key_ == "date_published") published_ = value;
      if (item_key_ == "date_modified") modified_ = value;
    }
    return true;
  }

  bool start_object(std::size_t) override {
    ++depth_;
    if (depth_ == 1) root_is_object_ = true;
    if (items_open_ && depth_ == 3) {
      in_item_ = true;
      url_.clear(), external_url_.clear(), id_.clear(), title_.clear();
      published_.clear(), modified_.clear(), item_key_.clear();
    }
    return true;
  }

  bool end_object() override {
    if (in_item_ && depth_ == 3) {
      FinishItem();
      in_item_ = false;
    }
    --depth_;
    return true;
  }

  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 2 && top_key_ == "items") items_open_ = saw_items_ = true;
    return true;
  }

  bool end_array() override {
    if (depth_ == 2) items_open_ = false;
    --depth_;
    return true;
  }

  bool key(string_t& name) override {
    if (depth_ == 1) top_key_ = name;
    if (in_item_ && depth_ == 3) item_key_ = name;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    failed_ = true;
    error_position_ = position;
    return false;
  }

  Result<ParsedFeed> Finish() && {
    const bool is_json_feed = version_.find("jsonfeed.org") != std::string::npos || saw_items_;
    if (!root_is_object_ || !is_json_feed) {
      if (failed_ && !root_is_object_) {
        return Status::InvalidInput("not a feed or sitemap: invalid JSON at byte " +
                                    std::to_string(error_position_));
      }
      return Status::InvalidInput("JSON, but not a JSON Feed (no \"version\" or \"items\")");
    }
    if (failed_ && feed_.items.empty() && feed_.items_dropped == 0) {
      return Status::InvalidInput("JSON Feed with invalid JSON at byte " +
                                  std::to_string(error_position_));
    }
    return std::move(feed_);
  }

 private:
  void FinishItem() {
    std::string_view link = !url_.empty() ? url_ : external_url_;
    // An id is only an address when it is written as an absolute one.
    if (link.empty() && IsAbsoluteHttp(id_)) link = id_;
    const std::string_view base = !base_url_.empty()   ? base_url_
                                  : !feed_url_.empty() ? std::string_view(feed_url_)
                                                       : std::string_view(home_page_url_);
    // An empty reference would resolve to the base itself.
    std::string url = !link.empty() && link.size() <= kMaxUrlBytes ? ResolveUrl(base, link) : "";
    if (url.empty() || url.size() > kMaxUrlBytes || feed_.items.size() >= options_.max_items) {
      ++feed_.items_dropped;
      return;
    }
    FeedItem item;
    item.url = std::move(url);
    item.title = PlainTitle(title_);
    const size_t item_bytes = item.url.size() + item.title.size() + 20;
    if (item_bytes > output_budget_) {
      ++feed_.items_dropped;
      output_budget_ = 0;
      return;
    }
    output_budget_ -= item_bytes;
    item.published = NormalizeFeedDate(!published_.empty() ? published_ : modified_);
    feed_.items.push_back(std::move(item));
  }

  std::string_view base_url_;
  const FeedOptions& options_;
  size_t output_budget_;  // bytes the items kept may still take
  ParsedFeed feed_;
  int depth_ = 0;
  bool root_is_object_ = false, items_open_ = false, saw_items_ = false, in_item_ = false;
  std::string top_key_, item_key_, version_, feed_url_, home_page_url_;
  std::string url_, external_url_, id_, title_, published_, modified_;
  bool failed_ = false;
  size_t error_position_ = 0;
};

}  // namespace

Result<ParsedFeed> ParseJsonFeed(std::string_view text, std::string_view base_url,
                                 const FeedOptions& options) {
  JsonFeedReader reader(base_url, options, text.size());
  try {
    Json::sax_parse(text.begin(), text.end(), &reader);
  } catch (
      const std::exception& error) {  // the library reports through the handler; this is a guard
    return Status::InvalidInput(std::string("invalid JSON Feed: ") + error.what());
  }
  return std::move(reader).Finish();
}

}  // namespace parallax::feed
