// OpenSSL's SHA-256 (SHA-NI where the CPU has it), for origin.sha256 at input speed.
// The SHA256_* calls are deprecated in OpenSSL 3 in favour of EVP, but stay exported and need
// no allocation; the plain context struct keeps SHA256 a value type.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
