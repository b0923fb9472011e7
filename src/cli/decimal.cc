#include "cli/decimal.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace parallax::cli {

char* FormatThreeDecimals(double value, char* out) {
  if (!(value >= 0.0 && value <= 1.0)) {
    return std::to_chars(out, out + 16, value, std::chars_format::fixed, 3).ptr;
  }
  // value = mantissa * 2^-shift exactly, so value * 1000 = mantissa * 1000
  // * 2^-shift, rounded here in integers: no step rounds but the last.
  uint64_t thousandths = 0;
  if (value > 0.0) {
    int exponent = 0;
    const double fraction = std::frexp(value, &exponent);  // in [0.5, 1)
    const auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
    const int shift = 53 - exponent;  // >= 53 for value <= 1
    const unsigned __int128 scaled = static_cast<unsigned __int128>(mantissa) * 1000;
    if (shift < 128) {
      const unsigned __int128 one = static_cast<unsigned __int128>(1) << shift;
      const unsigned __int128 rest = scaled & (one - 1);
      const unsigned __int128 half = one >> 1;
      thousandths = static_cast<uint64_t>(scaled >> shift);
      if (rest > half || (rest == half && (thousandths & 1) != 0)) ++thousandths;
    }
  }
  *out++ = static_cast<char>('0' + thousandths / 1000);
  *out++ = '.';
  *out++ = static_cast<char>('0' + thousandths / 100 % 10);
  *out++ = static_cast<char>('0' + thousandths / 10 % 10);
  *out++ = static_cast<char>('0' + thousandths % 10);
  return out;
}

}  // namespace parallax::cli
