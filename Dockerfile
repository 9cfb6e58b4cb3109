# syntax=docker/dockerfile:1
# The production image: the compiled service on Node 20 with its production dependencies only,
# run as the unprivileged `node` user. One image for every role:
#
#   docker build -t reminder-dispatch .
#   docker run … reminder-dispatch            # role all
#   docker run … reminder-dispatch worker     # or api, scheduler
#
# The tree it runs is made by scripts/build-production.sh, which test/e2e/production-image.test.ts
# runs as well and then starts (`node dist/src/main.js all`, the ENTRYPOINT below): change the
# script, not the steps here, and the test follows.

# ---- build: every dependency, the compiler, and the production tree in /app ----
FROM node:20-bookworm AS build
WORKDIR /src
# The lockfile first, so that a change to the code alone reuses the installed dependencies.
# (better-sqlite3 downloads a prebuilt binary or compiles one: this image has python3, make, g++.)
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/build-production.sh /app

# ---- runtime: Node, the production tree, nothing else ----
# The same Debian release as the build stage: better-sqlite3's binary links against its glibc.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    OPS_PORT=9464 \
    DATA_DIR=/var/lib/reminder-dispatch \
    REDIS_AUTOSTART=false
WORKDIR /app
# Owned by root and read-only to the service; only DATA_DIR is writable (the development keys, a
# generated signing secret, a SQLite file when DATABASE_URL is not PostgreSQL).
COPY --from=build /app /app
RUN mkdir -p /var/lib/reminder-dispatch && chown node:node /var/lib/reminder-dispatch
USER node
# 3000: the API (roles api and all); 9464: /healthz, /readyz and /metrics in every role.
EXPOSE 3000 9464
# Node itself asks (the slim image has no curl); OPS_PORT answers in every role, worker and
# scheduler included.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.OPS_PORT || process.env.PORT) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["all"]
