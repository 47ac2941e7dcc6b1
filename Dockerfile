# syntax=docker/dockerfile:1
# eas-deploy: one image for both roles (bot, worker, or all in one); docker/entrypoint.sh picks.

# --- 1. The aliyun CLI and its eas + aiworkspace plugins, pinned and verified -------------------
FROM node:20-slim AS aliyun-cli
# Release tarball from github.com/aliyun/aliyun-cli/releases. Bump both ARGs together: the sha256
# is the tarball's (sha256sum aliyun-cli-linux-<ver>-amd64.tgz, or the release's SHASUMS file).
ARG ALIYUN_CLI_VERSION=3.4.10
ARG ALIYUN_CLI_SHA256=b9edbcc21236f14bfeebbd5e272dde6f36fd946af5802fa677475ff69839ed84
# The versions the spec was written against (aliyun-cli-eas 0.2.0 carries the NLB bug the bot works around).
ARG EAS_PLUGIN_VERSION=0.2.0
ARG AIWORKSPACE_PLUGIN_VERSION=0.1.3
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates curl \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /tmp/aliyun
RUN tarball="aliyun-cli-linux-${ALIYUN_CLI_VERSION}-amd64.tgz" \
  && curl -fsSLo "$tarball" \
    "https://github.com/aliyun/aliyun-cli/releases/download/v${ALIYUN_CLI_VERSION}/${tarball}" \
  && echo "${ALIYUN_CLI_SHA256}  ${tarball}" | sha256sum -c - \
  && tar -xzf "$tarball" -C /usr/local/bin aliyun \
  && chmod 0755 /usr/local/bin/aliyun \
  && rm -rf /tmp/aliyun \
  && aliyun version
# Plugins live under $HOME/.aliyun/plugins; installed into a scratch home, copied to the app user's.
# One install per plugin: --version applies to every name of one call.
ENV HOME=/opt/aliyun-home
RUN mkdir -p "$HOME" \
  && aliyun plugin install --names aliyun-cli-eas --version "${EAS_PLUGIN_VERSION}" \
  && aliyun plugin install --names aliyun-cli-aiworkspace --version "${AIWORKSPACE_PLUGIN_VERSION}" \
  && aliyun plugin list \
  && aliyun plugin list | grep -q aliyun-cli-eas \
  && aliyun plugin list | grep -q aliyun-cli-aiworkspace

# --- 2. Build: all dependencies, compile TypeScript to dist/ ------------------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- 3. Runtime: production dependencies, compiled code, the CLI; runs as the non-root `node` user
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOME=/home/node \
    PORT=3000 \
    ALIYUN_CLI=aliyun
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY docker/entrypoint.sh docker/healthcheck.mjs ./docker/
COPY --from=aliyun-cli /usr/local/bin/aliyun /usr/local/bin/aliyun
COPY --from=aliyun-cli --chown=node:node /opt/aliyun-home/.aliyun /home/node/.aliyun
RUN chmod 0755 docker/entrypoint.sh
USER node
EXPOSE 3000
# /healthz is 200 only while Redis answers; a worker container reports healthy while it runs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "docker/healthcheck.mjs"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["all"]
