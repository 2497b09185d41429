# syntax=docker/dockerfile:1
# The Cockpit silo: REST, GraphQL, the agent protocol, GraphiQL and the cockpit UI on port 8085.
# Build from the repository root (the build context must be the root):
#   docker build -f deploy/docker/silo.Dockerfile -t cockpit-silo:dev .
# silo.Dockerfile.dockerignore (beside this file) limits the context to what the image needs. Needs BuildKit
# (the default builder since Docker 23): the three build stages run in parallel, npm and NuGet caches persist.

# --- GraphiQL (src/GraphQL/GraphiQL), bundled by Vite. `npm install`, not `npm ci`: see scripts/build-graphiql.sh.
FROM node:24-bookworm-slim AS graphiql
WORKDIR /repo
COPY src/GraphQL/GraphiQL/package.json src/GraphQL/GraphiQL/package-lock.json src/GraphQL/GraphiQL/
RUN --mount=type=cache,target=/root/.npm cd src/GraphQL/GraphiQL && npm install --no-audit --no-fund --loglevel=error
COPY src/GraphQL/GraphiQL/ src/GraphQL/GraphiQL/
RUN cd src/GraphQL/GraphiQL && npx --no-install vite build

# --- The cockpit (cockpit/, Angular). `npm run build` generates the typed GraphQL operations from the checked-in
# schema (../src/GraphQL/schema.graphql) and runs `ng build`; the browser bundle lands in dist/cockpit/browser.
FROM node:24-bookworm-slim AS cockpit
WORKDIR /repo
COPY cockpit/package.json cockpit/package-lock.json cockpit/
RUN --mount=type=cache,target=/root/.npm cd cockpit && npm install --no-audit --no-fund --loglevel=error
COPY src/GraphQL/schema.graphql src/GraphQL/
COPY cockpit/ cockpit/
RUN cd cockpit && npm run build

# --- The .NET solution's silo.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# The GraphiQL bundle goes where Cockpit.GraphQL.csproj picks it up (it publishes it to <app>/graphiql).
COPY --from=graphiql /repo/src/GraphQL/GraphiQL/dist/ src/GraphQL/GraphiQL/dist/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Silo/Cockpit.Silo.csproj -c Release -o /out/silo -p:UseAppHost=false -nologo

# --- Runtime: ASP.NET only, as the image's unprivileged "app" user (uid 1654).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN mkdir -p /workspace && chown 1654:1654 /workspace
COPY --from=build /out/silo/ ./
# The cockpit's static files in the silo's web root: ASP.NET's WebRootPath is wwwroot/ under the content root (/app).
COPY --from=cockpit /repo/cockpit/dist/cockpit/browser/ ./wwwroot/
# Agent configurations (CONFIG_DIR defaults to config/ in the content root, /app/config).
COPY config/ ./config/
# The silo listens where ORCHESTRATOR_PORT says; the base image's ASPNETCORE_HTTP_PORTS would only add a warning.
ENV ASPNETCORE_HTTP_PORTS= \
    ORCHESTRATOR_PORT=8085 \
    SILO_PORT=11111 \
    GATEWAY_PORT=30000 \
    WORKSPACE_ROOT=/workspace
# Numeric, so Kubernetes' runAsNonRoot can verify it.
USER 1654:1654
# HTTP (REST, GraphQL, agents, cockpit), silo-to-silo, Orleans client gateway.
EXPOSE 8085 11111 30000
ENTRYPOINT ["dotnet", "Cockpit.Silo.dll"]
