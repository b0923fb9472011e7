// Printing scores: a number from 0 to 1 with three decimals, exactly as
// printf's "%.3f" prints it, at a small fraction of its cost (the score
// column was half the time of writing the pairs).
#ifndef PARALLAX_CLI_DECIMAL_H_
#define PARALLAX_CLI_DECIMAL_H_

namespace parallax::cli {

// Writes `value` with three decimals at `out` ("0.812"; room for 16
// chars), rounded as printf rounds (to nearest, ties to even, on the exact
// binary value); returns the end. Values outside [0, 1] go through
// std::to_chars.
char* FormatThreeDecimals(double value, char* out);

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_DECIMAL_H_
