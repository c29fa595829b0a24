# syntax=docker/dockerfile:1
# HEDIS Star Rating Portfolio Optimizer API. Build: docker build -t hedis-api .
# Pin the base by digest in your registry mirror for reproducible builds: --build-arg NODE_IMAGE=node:20-bookworm-slim@sha256:...
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, compile, then drop dev dependencies ---------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false

COPY package.json package-lock.json .npmrc ./
# --ignore-scripts: the root "prepare" script would compile before the sources are here, and no dependency
# needs its install script (onnxruntime-node's only fetches CUDA files; its CPU runtime ships in the package).
# npm ci can reject a lock that npm 11 wrote (platform-specific optional dependencies); npm install with the
# same lock installs the same tree.
RUN npm ci --ignore-scripts || npm install --ignore-scripts

COPY . .
# nest build also copies the data files read at run time (modules/**/data/*.json, see nest-cli.json);
# models/ may not exist yet in a checkout.
RUN npx nest build \
 && mkdir -p models \
 && npm prune --omit=dev --ignore-scripts

# onnxruntime-node ships native binaries for every OS and CPU (~290 MB); keep only this image's.
ARG TARGETARCH
RUN ort=node_modules/onnxruntime-node/bin/napi-v6 \
 && rm -rf "$ort/darwin" "$ort/win32" \
 && case "$TARGETARCH" in \
      amd64) rm -rf "$ort/linux/arm64" ;; \
      arm64) rm -rf "$ort/linux/x64" ;; \
    esac

# ---- runtime: production dependencies, compiled code, models; non-root, read-only friendly -------
FROM ${NODE_IMAGE} AS runtime
# The heap cap makes V8 collect before garbage piles up: a 1,000,000-row audit export peaked at 370 MB
# resident with the default limit and 223 MB with this one; a 10,000-member batch runs fine under 256
# (docs/performance.md).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=384 \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app

# npm, npx, corepack and yarn are not used at run time; removing them shrinks what a scanner (or an
# intruder) finds in the image. DATA_DIR (./data) is written only by the embedded database (dev/demo):
# mount a volume there for that; with DATABASE_URL nothing is written and the root file system can be read-only.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /opt/yarn-* \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg \
 && mkdir -p /app/data && chown 1000:1000 /app/data && chmod 700 /app/data

# Code stays owned by root: uid 1000 can read it but not change it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/models ./models

USER 1000:1000
EXPOSE 3000

# No curl in the slim image: probe the liveness route with node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const r=require('http').get({host:'127.0.0.1',port:process.env.PORT||3000,path:'/health/live',timeout:4000},s=>process.exit(s.statusCode===200?0:1));r.on('timeout',()=>process.exit(1));r.on('error',()=>process.exit(1))"]

CMD ["node", "dist/src/main.js"]
