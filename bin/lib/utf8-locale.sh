# Sourced by bin/signer and bin/signer-server: Java in UTF-8 whatever the caller's locale.
#
# Java 17 decodes its arguments and file names with the encoding of the locale it starts in, and
# ignores -Dsun.jnu.encoding. Under the POSIX locale (env -i, cron, systemd) or a locale that is not
# installed (the C library then keeps the C locale), "Phê duyệt" reaches Java as "Ph�� duy���t" and a
# folder's "Công văn 01.pdf" cannot be opened. So when the caller's locale does not work as UTF-8,
# the JVM gets one that does, in LC_ALL, which overrides every other locale variable (a LANG or
# LC_MESSAGES naming a missing locale would otherwise fail the whole locale). The caller's own LC_ALL
# is kept in SIGNER_CALLER_LC_ALL: signer still speaks the language the caller asked for.

use_utf8_locale() {
  [ "$(locale charmap 2>/dev/null)" = "UTF-8" ] && return 0
  local chosen
  # C.UTF-8 first (Debian and glibc 2.35+ always have it; 'locale -a' spells it C.utf8), else any
  # installed UTF-8 locale, else C.UTF-8 all the same (musl has no 'locale -a' and is UTF-8 anyway).
  chosen="$(locale -a 2>/dev/null | grep -ix 'c\.utf-\?8' | head -n 1 || true)"
  [ -n "$chosen" ] || chosen="$(locale -a 2>/dev/null | grep -i '\.utf-\?8$' | head -n 1 || true)"
  export SIGNER_CALLER_LC_ALL="${LC_ALL-}"
  export LC_ALL="${chosen:-C.UTF-8}"
}

# The JVM's own encodings: the default charset (file contents, which Java 18 and later make UTF-8
# anyway), and standard output and error (sun.*: Java 17; the others: Java 19 and later).
java_utf8_options=(-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8
  -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8)
