# Tableside's image: build the pages once, serve them as an unprivileged user. Migrations run as their own
# one-off container (`npm run migrate`, see compose.yaml), never at every replica's boot.

# 1. Dependencies (postinstall applies patches/ and generates the Prisma client from prisma/schema.prisma).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY patches ./patches
COPY prisma ./prisma
COPY server/infra/db/pgConfig.ts ./server/infra/db/
RUN npm ci --no-audit --no-fund

# 2. The pages, then only what runs in production.
FROM deps AS build
COPY . .
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund

# 3. What runs.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
# Ready, not merely alive: Postgres answers, this build's migrations are applied, the process is not draining.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm or tsx's wrapper: SIGTERM reaches the server's graceful shutdown directly.
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "server/index.ts"]
