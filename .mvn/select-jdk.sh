# Sourced by ./mvnw, ./avec and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm.
# POSIX sh on purpose, since mvnw is a POSIX script.

avec_java_major() {
  # Prints the feature version of the java binary given as $1 (17, 21, 25...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

avec_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(avec_java_major "$JAVA_HOME/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      return 0
    fi
  fi
  best=""
  best_v=0
  # find, not a glob: mvnw runs with set -f.
  for d in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort); do
    [ -x "$d/bin/javac" ] || continue
    v=$(avec_java_major "$d/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
      best="$d"
      best_v="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "avec: no JDK 21 or newer found in JAVA_HOME or /usr/lib/jvm; install one (Eclipse Temurin 21 or 25, or your distribution's openjdk-21-jdk) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

avec_select_jdk || exit 1
