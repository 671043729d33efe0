# CrossCoaching container image. Build from the repository root:  docker build -t crosscoaching .
# (deploy/docker-compose.yml does this for you.)

# --- Build -----------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so that the package layer stays cached until they change.
COPY CrossCoaching.sln Directory.Build.props Directory.Packages.props BannedSymbols.txt global.json ./
COPY Bot/Bot.csproj Bot/
# For this image's Linux only: SkiaSharp (the pictures) and SQLite bring native libraries for every platform, about
# 190 MB of them, of which one architecture's are needed. TARGETARCH is Docker's (amd64, arm64).
ARG TARGETARCH
RUN RID="linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" && echo "$RID" > /rid && \
    dotnet restore Bot/Bot.csproj -r "$RID"

COPY Bot/ Bot/
# With a runtime identifier the bot and its packages are compiled ahead of time (ReadyToRun, Bot.csproj): the restore
# above fetched the compiler for this platform, and the image starts faster and keeps its memory flat under load.
RUN dotnet publish Bot/Bot.csproj -c Release -o /app --no-restore -r "$(cat /rid)" --self-contained false /p:UseAppHost=true

# --- Run -------------------------------------------------------------------------------------------------
# The plain .NET runtime: the bot hosts no web server, so it needs nothing from the ASP.NET Core image.
# The bot reads neither the image's tzdata (its IANA time zones come from NodaTime's TZDB, compiled into the
# package) nor ICU (it runs with invariant globalization and words its dates itself), so a smaller "-chiseled"
# tag would do as far as time zones go; check the rest (shell-less healthchecks, backups) before switching.
# It needs no fonts either: the pictures (/stats, a round's end) are drawn with SkiaSharp's self-contained native
# library (SkiaSharp.NativeAssets.Linux.NoDependencies: no fontconfig or freetype from the system) in the DejaVu Sans
# font shipped in /app/Fonts.
FROM mcr.microsoft.com/dotnet/runtime:10.0

ENV ConnectionStrings__CrossCoaching="Data Source=/data/crosscoaching.db"
# The health endpoint, for the HEALTHCHECK below: on loopback inside the container, so nothing outside reaches it.
# Health__Address=0.0.0.0 opens it to probes from outside (Kubernetes); Health__Port=0 turns it off (then disable
# the health check too, or the container shows "unhealthy").
ENV Health__Port=8080

# The database lives in /data, owned by the image's non-root "app" user (uid $APP_UID, 1654). A new named
# volume mounted there takes this ownership; a bind-mounted host folder must be chowned to 1654 by hand.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

WORKDIR /app
COPY --from=build /app ./

USER $APP_UID
VOLUME /data

# The token comes from DISCORD_TOKEN in the environment or from the secret file /run/secrets/discord_token,
# never from the image. On SIGTERM (docker stop) the bot finishes within a few seconds and exits 0.
STOPSIGNAL SIGTERM
# The image has no curl or wget: the bot asks its own endpoint and exits 0 (ready: the database answers and the
# gateway is connected) or 1. The start period covers migrations and the first READY; three failures in a row
# (a minute and a half) make the container "unhealthy". Docker only reports it; it restarts nothing.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["./CrossCoaching", "healthcheck", "ready"]
ENTRYPOINT ["./CrossCoaching"]
