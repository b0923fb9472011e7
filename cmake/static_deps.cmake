# Start-up time: the dynamic loader maps, relocates and binds every shared
# library a binary needs, its dependencies' too, before main() runs; on the
# 2-core VMs measured each one cost 0.3 to 1 ms, more than a whole small
# `parallax compare`. Where Debian's -dev package ships a static archive
# (libicu-dev, libsqlite3-dev, zlib1g-dev, libbrotli-dev, libstemmer-dev,
# libxxhash-dev), the library is linked from it instead, and toml++ (whose
# Debian headers carry the whole implementation) is compiled header-only.
# Included from the top CMakeLists.txt after the libraries are found;
# imported targets' properties are read when the build is generated, so
# changing them here reaches every target that links them.
#
# PARALLAX_STATIC_DEPS=OFF keeps the shared libraries (a distribution
# package that wants security updates of these libraries without a rebuild).

option(PARALLAX_STATIC_DEPS "Link Debian's static archives of ICU, SQLite, zlib, brotli (and compile toml++ header-only)" ON)

# The Debian static archive lib<name>.a, or "" when the -dev package has none.
function(parallax_find_archive out name)
  find_library(PARALLAX_ARCHIVE_${name} NAMES lib${name}.a)
  if(PARALLAX_ARCHIVE_${name})
    set(${out} ${PARALLAX_ARCHIVE_${name}} PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

# Points an imported library target at its static archive, adding what the
# archive needs that the shared library brought itself.
function(parallax_use_archive target archive)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${archive}
                                             IMPORTED_LOCATION_RELEASE ${archive}
                                             IMPORTED_LOCATION_DEBUG ${archive})
  if(ARGN)
    set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${ARGN})
  endif()
endfunction()

if(PARALLAX_STATIC_DEPS)
  parallax_find_archive(icuuc_a icuuc)
  if(icuuc_a)
    # libicudata stays shared: one symbol and 30 MB of tables, mapped, not relocated.
    parallax_use_archive(ICU::uc ${icuuc_a} ICU::data ${CMAKE_DL_LIBS} Threads::Threads)
  endif()
  parallax_find_archive(sqlite_a sqlite3)
  if(sqlite_a)
    parallax_use_archive(SQLite::SQLite3 ${sqlite_a} m ${CMAKE_DL_LIBS} Threads::Threads)
  endif()
  parallax_find_archive(zlib_a z)
  if(zlib_a)
    parallax_use_archive(ZLIB::ZLIB ${zlib_a})
  endif()
  parallax_find_archive(brotlidec_a brotlidec)
  parallax_find_archive(brotlicommon_a brotlicommon)
  if(brotlidec_a AND brotlicommon_a)
    set_target_properties(PkgConfig::BROTLI PROPERTIES INTERFACE_LINK_LIBRARIES "${brotlidec_a};${brotlicommon_a}")
  endif()
  parallax_find_archive(stemmer_a stemmer)
  if(stemmer_a)
    set(STEMMER_LIBRARY ${stemmer_a})
  endif()
  parallax_find_archive(xxhash_a xxhash)
  if(xxhash_a)
    set(XXHASH_LIBRARY ${xxhash_a})
  endif()
  # toml++ header-only: Debian's pkg-config file asks for the shared library
  # (TOML_HEADER_ONLY=0); the headers hold the implementation all the same.
  set_target_properties(PkgConfig::TOMLPP PROPERTIES INTERFACE_COMPILE_OPTIONS ""
                                                     INTERFACE_COMPILE_DEFINITIONS "TOML_HEADER_ONLY=1"
                                                     INTERFACE_LINK_LIBRARIES "")
endif()
