#include "crt/redox/complex_multiply.hpp"

#include "common/files.hpp"
#include "common/process.hpp"

namespace clifwrap {
namespace {

// C11 Annex G's multiplication (G.5.1): the product by the textbook formula, and when both parts
// come out NaN, infinities in the operands or the partial products recovered as infinities, as
// libgcc and compiler-rt do. Freestanding: builtins only, no header. long double is binary128 on
// the architectures that get this (its arithmetic goes to compiler_builtins' __multf3 and such).
constexpr const char* kSource = R"(#define COMPLEX_MULTIPLY(NAME, T, S)                                          \
  T _Complex NAME(T a, T b, T c, T d) {                                          \
    T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                            \
    T x = ac - bd, y = ad + bc;                                                  \
    if (__builtin_isnan(x) && __builtin_isnan(y)) {                              \
      int again = 0;                                                             \
      if (__builtin_isinf(a) || __builtin_isinf(b)) {                            \
        a = __builtin_copysign##S(__builtin_isinf(a) ? 1 : 0, a);                \
        b = __builtin_copysign##S(__builtin_isinf(b) ? 1 : 0, b);                \
        if (__builtin_isnan(c)) c = __builtin_copysign##S(0, c);                 \
        if (__builtin_isnan(d)) d = __builtin_copysign##S(0, d);                 \
        again = 1;                                                               \
      }                                                                          \
      if (__builtin_isinf(c) || __builtin_isinf(d)) {                            \
        c = __builtin_copysign##S(__builtin_isinf(c) ? 1 : 0, c);                \
        d = __builtin_copysign##S(__builtin_isinf(d) ? 1 : 0, d);                \
        if (__builtin_isnan(a)) a = __builtin_copysign##S(0, a);                 \
        if (__builtin_isnan(b)) b = __builtin_copysign##S(0, b);                 \
        again = 1;                                                               \
      }                                                                          \
      if (!again && (__builtin_isinf(ac) || __builtin_isinf(bd) ||               \
                     __builtin_isinf(ad) || __builtin_isinf(bc))) {              \
        if (__builtin_isnan(a)) a = __builtin_copysign##S(0, a);                 \
        if (__builtin_isnan(b)) b = __builtin_copysign##S(0, b);                 \
        if (__builtin_isnan(c)) c = __builtin_copysign##S(0, c);                 \
        if (__builtin_isnan(d)) d = __builtin_copysign##S(0, d);                 \
        again = 1;                                                               \
      }                                                                          \
      if (again) {                                                               \
        x = __builtin_inf##S() * (a * c - b * d);                                \
        y = __builtin_inf##S() * (a * d + b * c);                                \
      }                                                                          \
    }                                                                            \
    return __builtin_complex(x, y);                                              \
  }

COMPLEX_MULTIPLY(__mulsc3, float, f)
COMPLEX_MULTIPLY(__muldc3, double, )
COMPLEX_MULTIPLY(__multc3, long double, l)
)";

}  // namespace

Result<std::string> compile_complex_multiply(const std::string& gnu_target, const std::string& scratch) {
  std::string source = scratch + "/complex_multiply.c", object = scratch + "/complex_multiply.o";
  if (auto written = write_file_atomically(source, kSource); !written) return tl::unexpected(written.error());
  // Hidden, as compiler-rt's builtins are: each library or program that links -lgcc keeps its own.
  Command compile{{"clang-22", "--target=" + gnu_target, "-O2", "-fPIC", "-ffreestanding", "-fvisibility=hidden", "-c",
                   source, "-o", object},
                  {}};
  if (auto ran = capture_output(compile); !ran)
    return fail("cannot compile C's complex multiplication helpers: " + ran.error().message, source,
                "install clang-22 (scripts/setup.sh)");
  return object;
}

}  // namespace clifwrap
