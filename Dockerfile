# MockDeck headless: `mockdeck serve` in a container (docs/headless.md).
#   docker build -t mockdeck .
#   docker run -p 3001:3001 -e MOCKDECK_API_TOKEN=… -v "$PWD/api.mockdeck.json:/projects/api.json:ro" \
#     mockdeck serve --host 0.0.0.0 --project /projects/api.json

# Build: the CLI bundle (esbuild) and better-sqlite3 compiled for this Node.
FROM node:24-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/native ./scripts/native
# No Electron binary and no keychain in a container; keytar is optional.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
RUN npm ci --no-audit --no-fund --omit=optional
COPY . .
RUN npm run build:cli && npm prune --omit=dev --omit=optional --no-audit --no-fund

# Run: Node 24 slim, no build tools, no root.
FROM node:24-slim
ENV NODE_ENV=production MOCKDECK_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/out/cli ./out/cli
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3001
# GET /health answers {"status":"ok","version":…} without a token (mockforge-cloud-api.md).
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "out/cli/cli.mjs"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3001"]
