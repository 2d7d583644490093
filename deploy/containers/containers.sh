# shellcheck shell=bash
# The container images of ./tickstock (sourced by it): 'images', which 'up --containers' runs for those missing or stale.
# Running them is the stack module's (stack/: io.tickstock.stack.container).
# Podman as Debian packages it, rootful, with the flags this kind of machine accepts (docs/operations.md,
# "Container images"): the cgroupfs manager (no systemd), runc (crun is refused), host network, and ulimits no
# higher than 1024.

CONTAINERS="$ROOT/deploy/containers"
# DISABLE_HC_SYSTEMD: podman runs an image's HEALTHCHECK from systemd timers, and systemd does not run here; the
# checks stay in the images (podman healthcheck run NAME) and ./tickstock polls readiness itself
PODMAN=(env DISABLE_HC_SYSTEMD=true podman --cgroup-manager=cgroupfs --runtime runc)
# the users of the images: the services run as 185 (k8s runAsUser), the broker as 1001, so the threads of one do
# not count against the other's process limit (ulimit nproc 1024 is per user); the stack module gives them the
# folders it mounts
SERVICE_UID=185
KAFKA_UID=1001

# the project version of the pom without -SNAPSHOT: every image's tag, and the tag k8s/ references
project_version() { sed -n 's#^  <version>\(.*\)</version>#\1#p' "$ROOT/pom.xml" | head -1 | sed 's/-SNAPSHOT$//'; }
# shellcheck disable=SC2153 # MODULE is ./tickstock's
image_of() {
  case "$1" in
    base) echo "tickstock/jre-base:$(project_version)" ;;
    kafka) echo "tickstock/kafka:$(project_version)" ;;
    *) echo "tickstock/${MODULE[$1]}:$(project_version)" ;;
  esac
}
IMAGES=(kafka processor gateway ingest)

# podman, runc and debootstrap from Debian's packages: installed when missing (as root), else named
require_podman() {
  local packages=() tool
  for tool in podman runc debootstrap; do command -v "$tool" >/dev/null || packages+=("$tool"); done
  if [ ${#packages[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
      die "containers need ${packages[*]} (Debian: sudo apt-get install ${packages[*]}), and root: the images and cgroup limits are podman's as root."
    fi
    info "installing ${packages[*]} from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null \
      || die "apt-get install ${packages[*]} failed; install them yourself and run again."
  fi
  [ "$(id -u)" = 0 ] || die "containers run with podman as root here (cgroup limits, host network); run as root."
}

# image_exists COMPONENT [ID]: its image is built (and is the image ID)
image_exists() {
  local id; id=$("${PODMAN[@]}" image inspect --format '{{.Id}}' "$(image_of "$1")" 2>/dev/null) || return 1
  [ -z "${2:-}" ] || [ "$id" = "$2" ]
}

# the Debian mirror apt already uses (deb822 .sources or a sources.list line for bookworm)
debian_mirror() {
  local mirror
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk 'BEGIN {RS = ""}
    /(^|\n)Suites:[^\n]*[ \t]bookworm([ \t\n]|$)/ && match($0, /URIs:[ \t]*[^ \t\n]+/) {
      u = substr($0, RSTART, RLENGTH); sub(/URIs:[ \t]*/, "", u); print u; exit }')
  [ -n "$mirror" ] || mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) break; if ($(i + 1) == "bookworm") { print $i; exit } }')
  [ -n "$mirror" ] || die "no Debian bookworm mirror in /etc/apt/sources.list(.d); the base image is debootstrapped from it."
  echo "$mirror"
}

# the JRE base image: Debian bookworm minbase with openjdk-17-jre-headless and the two users, made here with
# debootstrap and imported without a registry. Built once: delete it (podman rmi) to build it again.
build_base_image() {
  if image_exists base; then info "base image $(image_of base) (cached)"; return 0; fi
  local rootfs="$STATE/containers/rootfs" mirror
  mirror=$(debian_mirror)
  info "building the base image $(image_of base): debootstrap bookworm from $mirror (once, about a minute)"
  rm -rf "$rootfs"; mkdir -p "$rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" \
    >"$STATE/containers/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $STATE/containers/debootstrap.log"
  add_user "$rootfs" tickstock "$SERVICE_UID"
  add_user "$rootfs" kafka "$KAFKA_UID"
  # what only the build needed (package downloads and indexes) and what a JVM never reads (documentation,
  # translations of the system's programs: 34 MB)
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
  tar -C "$rootfs" -c . | "${PODMAN[@]}" import --quiet --change 'ENV LANG=C.UTF-8' - "$(image_of base)" >/dev/null \
    || die "podman import of the base image failed"
  rm -rf "$rootfs"
}

# add_user ROOTFS NAME ID: a user and its group NAME with id ID and home /var/lib/NAME, no login (the ids are the
# manifests', below Debian's range for login users: -K says they are meant)
add_user() {
  chroot "$1" groupadd -K GID_MIN=100 -g "$3" "$2"
  chroot "$1" useradd -K UID_MIN=100 -u "$3" -g "$2" -d "/var/lib/$2" -m -s /usr/sbin/nologin "$2"
}

# build_image COMPONENT: the broker's image or a service's, FROM the base image; the image it replaces is removed
# (new jars make a new image, and the old one would stay behind untagged)
build_image() {
  local previous; previous=$("${PODMAN[@]}" image inspect --format '{{.Id}}' "$(image_of "$1")" 2>/dev/null || true)
  local args=(build --quiet --format docker --build-arg "BASE_IMAGE=$(image_of base)" -t "$(image_of "$1")")
  if [ "$1" = kafka ]; then
    args+=(-f "$CONTAINERS/kafka.Containerfile" --build-context "libs=$KAFKA_LIBS"
      --build-context "local=$ROOT/deploy/local" "$CONTAINERS")
  else
    local module="$ROOT/${MODULE[$1]}"
    args+=(-f "$CONTAINERS/service.Containerfile" --build-context "containers=$CONTAINERS"
      --build-arg "HTTP_PORT=$(sed -n 's/^quarkus.http.port=//p' "$module/src/main/resources/application.properties")"
      "$module")
  fi
  "${PODMAN[@]}" "${args[@]}" >/dev/null || die "building $(image_of "$1") failed (podman build output above)"
  if [ -n "$previous" ] && ! image_exists "$1" "$previous"; then
    # (a container still using it keeps it; podman image prune removes it later)
    "${PODMAN[@]}" rmi "$previous" >/dev/null 2>&1 || true
  fi
}

# image_current COMPONENT: its image is built, after every file it is built from (a service's packaged app, the
# broker's jars): an image older than a rebuilt jar would run yesterday's code
image_current() {
  local created input
  created=$("${PODMAN[@]}" image inspect --format '{{.Created.Unix}}' "$(image_of "$1")" 2>/dev/null) || return 1
  if [ "$1" = kafka ]; then input="$KAFKA_LIBS/"; else input="$ROOT/${MODULE[$1]}/target/quarkus-app"; fi
  [ -z "$(find "$input" -newermt "@$created" -print -quit 2>/dev/null)" ]
}

# build_images ONLY_STALE: the jars, the base image, then every image (ONLY_STALE=1: those missing or older than
# their jars; podman's layer cache makes a rebuild of unchanged jars take seconds)
build_images() {
  require_podman
  run_stack shell prepare --services --kafka
  mkdir -p "$STATE/containers"
  build_base_image
  local c
  for c in "${IMAGES[@]}"; do
    if [ "$1" = 1 ] && image_current "$c"; then continue; fi
    info "building $(image_of "$c")"
    build_image "$c"
  done
}

cmd_images() {
  load_layout
  case "${1:-}" in
    -h|--help) help_images; return 0 ;;
    # what up --containers asks for: the images not built yet or older than their jars, quietly
    --stale) build_images 1; return 0 ;;
    "") ;;
    *) die "images: takes no arguments." ;;
  esac
  build_images 0
  local names=(-e "$(image_of base)") c
  for c in "${IMAGES[@]}"; do names+=(-e "$(image_of "$c")"); done
  "${PODMAN[@]}" images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -F "${names[@]}"
}

help_images() {
  cat <<EOF
Usage: ./tickstock images

Builds the stack's container images with podman from deploy/containers and prints each with its size:
  $(image_of base)   Debian bookworm minbase + OpenJDK 17 JRE, debootstrapped from the mirror apt uses and
                             imported without a registry; built once (podman rmi it to build it again)
  $(image_of kafka)      the local broker: the Kafka 4.1.2 jars ./tickstock assembles, deploy/local's config
  $(image_of processor), $(image_of gateway),
  $(image_of ingest)   the services' Quarkus fast-jars (built first if missing)
Tags carry the project version (the pom's, without -SNAPSHOT); k8s/ references the same names. Needs root, and
podman, runc and debootstrap (installed from Debian's packages when missing). Run them: ./tickstock up --containers
EOF
}
