# syntax=docker/dockerfile:1
# eas-deploy: one image for both roles (bot, worker, or all in one); docker/entrypoint.sh picks.
# Every stage runs Node 22 LTS (Node 20 reached its end of life).

# --- 1. The aliyun CLI and its eas + aiworkspace plugins, pinned and proven to run ---------------
FROM node:22-slim AS aliyun-cli
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
# The plugins' manifest stores each plugin's ABSOLUTE path, so the plugins live in one directory
# that build and run share (ALIBABA_CLOUD_CLI_PLUGINS_DIR), installed by the user the container
# runs as (node). vpc, ecs and nlb need no plugin: the bot calls them in the built-in PascalCase form.
ENV ALIBABA_CLOUD_CLI_PLUGINS_DIR=/opt/aliyun-plugins
RUN mkdir -p "$ALIBABA_CLOUD_CLI_PLUGINS_DIR" && chown node:node "$ALIBABA_CLOUD_CLI_PLUGINS_DIR"
COPY docker/check-plugins.sh /usr/local/bin/check-plugins.sh
USER node
ENV HOME=/home/node
# One install per plugin (--version applies to every name of one call); there is no --force.
RUN aliyun plugin install --names aliyun-cli-eas --version "${EAS_PLUGIN_VERSION}" \
  && aliyun plugin install --names aliyun-cli-aiworkspace --version "${AIWORKSPACE_PLUGIN_VERSION}" \
  && aliyun plugin list
# The build fails here unless each plugin's own binary answers, run as node.
RUN check-plugins.sh eas=aliyun-cli-eas aiworkspace=aliyun-cli-aiworkspace

# --- 2. Build: all dependencies, compile TypeScript to dist/ ------------------------------------
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- 3. Runtime: production dependencies, compiled code, the CLI; runs as the non-root `node` user
FROM node:22-slim AS runtime
ENV NODE_ENV=production \
    HOME=/home/node \
    PORT=3000 \
    ALIYUN_CLI=aliyun \
    ALIBABA_CLOUD_CLI_PLUGINS_DIR=/opt/aliyun-plugins
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY docker/entrypoint.sh docker/healthcheck.mjs docker/check-plugins.sh ./docker/
COPY --from=aliyun-cli /usr/local/bin/aliyun /usr/local/bin/aliyun
# The same path as where they were installed: the manifest's absolute paths hold.
COPY --from=aliyun-cli --chown=node:node /opt/aliyun-plugins /opt/aliyun-plugins
RUN chmod 0755 docker/entrypoint.sh docker/check-plugins.sh
USER node
# The build fails unless the plugins run in the final image, as the user the container runs as.
RUN docker/check-plugins.sh eas=aliyun-cli-eas aiworkspace=aliyun-cli-aiworkspace
EXPOSE 3000
# /healthz is 200 only while Redis answers and the CLI preflight passed; a worker container reports healthy while it runs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "docker/healthcheck.mjs"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["all"]
