// libcurl, loaded when a command first fetches something rather than when
// the process starts.
//
// Why: libcurl brings about 25 shared libraries with it (OpenSSL, GnuTLS,
// Kerberos, LDAP, SSH, nghttp2, libidn2...). Binding them cost every run of
// parallax about 6 ms on the VMs measured, three times the whole work of a
// small `parallax compare`, which never fetches. Debian's static libcurl.a
// does not help: it needs the same libraries, and Kerberos and LDAP ship no
// archives. So the binary does not link libcurl; this file defines the part
// of its C API that parallax calls, and each function forwards to
// libcurl.so.4 (Debian's libcurl4, which libcurl4-openssl-dev installs),
// opened with dlopen() on the first call. The call sites keep libcurl's own
// header and its compile-time option type checks.
//
// When the library cannot be opened, the functions fail the way libcurl
// reports failure (a null handle, CURLE_FAILED_INIT), after one line on
// stderr that names the library and dlopen's reason.

// The checks are macros named like the functions defined here.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <dlfcn.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace {

constexpr const char* kLibcurl = "libcurl.so.4";

struct Libcurl {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_free) free = nullptr;
  decltype(&curl_getdate) getdate = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
  decltype(&curl_multi_init) multi_init = nullptr;
  decltype(&curl_multi_add_handle) multi_add_handle = nullptr;
  decltype(&curl_multi_remove_handle) multi_remove_handle = nullptr;
  decltype(&curl_multi_perform) multi_perform = nullptr;
  decltype(&curl_multi_poll) multi_poll = nullptr;
  decltype(&curl_multi_info_read) multi_info_read = nullptr;
  decltype(&curl_multi_cleanup) multi_cleanup = nullptr;
  decltype(&curl_url) url = nullptr;
  decltype(&curl_url_cleanup) url_cleanup = nullptr;
  decltype(&curl_url_get) url_get = nullptr;
  decltype(&curl_url_set) url_set = nullptr;
  decltype(&curl_url_strerror) url_strerror = nullptr;
  bool loaded = false;
};

template <typename Function>
bool Bind(void* library, const char* name, Function* out) {
  *out = reinterpret_cast<Function>(dlsym(library, name));
  return *out != nullptr;
}

Libcurl Open() {
  Libcurl api;
  void* library = dlopen(kLibcurl, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    std::fprintf(stderr, "parallax: cannot load %s, needed to fetch: %s\n", kLibcurl, dlerror());
    return api;
  }
  // Every one, or none: a libcurl older than the header would fail later
  // and somewhere less obvious.
  const bool all = Bind(library, "curl_global_init", &api.global_init) &&
                   Bind(library, "curl_easy_init", &api.easy_init) &&
                   Bind(library, "curl_easy_setopt", &api.easy_setopt) &&
                   Bind(library, "curl_easy_getinfo", &api.easy_getinfo) &&
                   Bind(library, "curl_easy_cleanup", &api.easy_cleanup) &&
                   Bind(library, "curl_easy_strerror", &api.easy_strerror) &&
                   Bind(library, "curl_free", &api.free) && Bind(library, "curl_getdate", &api.getdate) &&
                   Bind(library, "curl_slist_append", &api.slist_append) &&
                   Bind(library, "curl_slist_free_all", &api.slist_free_all) &&
                   Bind(library, "curl_multi_init", &api.multi_init) &&
                   Bind(library, "curl_multi_add_handle", &api.multi_add_handle) &&
                   Bind(library, "curl_multi_remove_handle", &api.multi_remove_handle) &&
                   Bind(library, "curl_multi_perform", &api.multi_perform) &&
                   Bind(library, "curl_multi_poll", &api.multi_poll) &&
                   Bind(library, "curl_multi_info_read", &api.multi_info_read) &&
                   Bind(library, "curl_multi_cleanup", &api.multi_cleanup) && Bind(library, "curl_url", &api.url) &&
                   Bind(library, "curl_url_cleanup", &api.url_cleanup) &&
                   Bind(library, "curl_url_get", &api.url_get) && Bind(library, "curl_url_set", &api.url_set) &&
                   Bind(library, "curl_url_strerror", &api.url_strerror);
  if (!all) {
    std::fprintf(stderr, "parallax: %s lacks a function parallax needs: %s\n", kLibcurl, dlerror());
    return Libcurl{};
  }
  api.loaded = true;
  return api;
}

const Libcurl& Api() {
  static std::once_flag once;
  static Libcurl api;
  std::call_once(once, [] { api = Open(); });
  return api;
}

}  // namespace

extern "C" {

CURLcode curl_global_init(long flags) {
  const Libcurl& api = Api();
  return api.loaded ? api.global_init(flags) : CURLE_FAILED_INIT;
}

CURL* curl_easy_init(void) {
  const Libcurl& api = Api();
  return api.loaded ? api.easy_init() : nullptr;
}

// The one argument after the option has the type the option's number says
// (curl.h's CURLOPTTYPE_* ranges), which is how libcurl itself reads it.
CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
  const Libcurl& api = Api();
  if (!api.loaded) return CURLE_FAILED_INIT;
  va_list arguments;
  va_start(arguments, option);
  CURLcode code;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    code = api.easy_setopt(handle, option, va_arg(arguments, long));
  } else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
    code = api.easy_setopt(handle, option, va_arg(arguments, void*));
  } else if (option < CURLOPTTYPE_OFF_T) {
    code = api.easy_setopt(handle, option, va_arg(arguments, void (*)()));
  } else if (option < CURLOPTTYPE_BLOB) {
    code = api.easy_setopt(handle, option, va_arg(arguments, curl_off_t));
  } else {
    code = api.easy_setopt(handle, option, va_arg(arguments, void*));
  }
  va_end(arguments);
  return code;
}

// Every CURLINFO_* takes one pointer.
CURLcode curl_easy_getinfo(CURL* handle, CURLINFO info, ...) {
  const Libcurl& api = Api();
  if (!api.loaded) return CURLE_FAILED_INIT;
  va_list arguments;
  va_start(arguments, info);
  const CURLcode code = api.easy_getinfo(handle, info, va_arg(arguments, void*));
  va_end(arguments);
  return code;
}

void curl_easy_cleanup(CURL* handle) {
  if (handle != nullptr) Api().easy_cleanup(handle);
}

const char* curl_easy_strerror(CURLcode code) {
  const Libcurl& api = Api();
  return api.loaded ? api.easy_strerror(code) : "libcurl could not be loaded";
}

void curl_free(void* pointer) {
  if (pointer != nullptr) Api().free(pointer);
}

time_t curl_getdate(const char* text, const time_t* unused) {
  const Libcurl& api = Api();
  return api.loaded ? api.getdate(text, unused) : -1;
}

curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  const Libcurl& api = Api();
  return api.loaded ? api.slist_append(list, text) : nullptr;
}

void curl_slist_free_all(curl_slist* list) {
  if (list != nullptr) Api().slist_free_all(list);
}

CURLM* curl_multi_init(void) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_init() : nullptr;
}

CURLMcode curl_multi_add_handle(CURLM* multi, CURL* handle) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_add_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* handle) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_remove_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_perform(CURLM* multi, int* running) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_perform(multi, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_poll(CURLM* multi, curl_waitfd extra_fds[], unsigned int extra_count, int timeout_ms,
                          int* ready) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_poll(multi, extra_fds, extra_count, timeout_ms, ready) : CURLM_INTERNAL_ERROR;
}

CURLMsg* curl_multi_info_read(CURLM* multi, int* left) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_info_read(multi, left) : nullptr;
}

CURLMcode curl_multi_cleanup(CURLM* multi) {
  const Libcurl& api = Api();
  return api.loaded ? api.multi_cleanup(multi) : CURLM_INTERNAL_ERROR;
}

CURLU* curl_url(void) {
  const Libcurl& api = Api();
  return api.loaded ? api.url() : nullptr;
}

void curl_url_cleanup(CURLU* handle) {
  if (handle != nullptr) Api().url_cleanup(handle);
}

CURLUcode curl_url_get(CURLU* handle, CURLUPart what, char** part, unsigned int flags) {
  const Libcurl& api = Api();
  return api.loaded ? api.url_get(handle, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_set(CURLU* handle, CURLUPart what, const char* part, unsigned int flags) {
  const Libcurl& api = Api();
  return api.loaded ? api.url_set(handle, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

const char* curl_url_strerror(CURLUcode code) {
  const Libcurl& api = Api();
  return api.loaded ? api.url_strerror(code) : "libcurl could not be loaded";
}

}  // extern "C"
