# syntax=docker/dockerfile:1
# Stage 1: every dependency, to build the client and compile the server to JavaScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY db/package.json db/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# Stage 2: production dependencies of the server side only, the compiled server and the built client.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY db/package.json db/
COPY server/package.json server/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace shared --workspace db --workspace server \
  && npm cache clean --force
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
# A bounded heap keeps exports and large answers within the container's memory (docs/dashboards.md).
ENV NODE_OPTIONS=--max-old-space-size=256
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Migrations run at start-up; `node server/dist/migrate.js` and `node server/dist/demo.js` run them or
# seed the demo organisation by hand.
CMD ["node", "--enable-source-maps", "server/dist/main.js"]
