# syntax=docker/dockerfile:1
# The reference agent pod (src/Agent) on port 8001.
# Build from the repository root:
#   docker build -f deploy/docker/agent.Dockerfile -t cockpit-agent:dev .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Protocol/ src/Protocol/
COPY src/Settings/ src/Settings/
COPY src/Agent/ src/Agent/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Agent/Cockpit.Agent.csproj -c Release -o /out/agent -p:UseAppHost=false -nologo

# --- Runtime: ASP.NET only, as the image's unprivileged "app" user (uid 1654).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN mkdir -p /workspace && chown 1654:1654 /workspace
COPY --from=build /out/agent/ ./
ENV ASPNETCORE_HTTP_PORTS= \
    AGENT_PORT=8001 \
    AGENT_BIND_ADDRESS=0.0.0.0 \
    WORKSPACE_ROOT=/workspace
# Numeric, so Kubernetes' runAsNonRoot can verify it.
USER 1654:1654
EXPOSE 8001
ENTRYPOINT ["dotnet", "Cockpit.Agent.dll"]
