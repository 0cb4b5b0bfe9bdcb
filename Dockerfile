# The app on Node 20 (Debian 12), for docker-compose.yml. Not exercised on our
# build machines (they have no Docker engine).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY tools/eslint-config/package.json ./tools/eslint-config/
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
# Built once, here: every instance started from this image serves the same build (the same
# Server Action ids), so none may build on its own.
RUN npm run build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# With DATABASE_URL set, npm start checks the shared secrets (NEXTAUTH_SECRET,
# NEXT_SERVER_ACTIONS_ENCRYPTION_KEY), applies pending migrations and serves this build; it
# never builds and seeds nothing (run `npm run db:seed` once for the demo data).
CMD ["npm", "start"]
