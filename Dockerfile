# Builds and runs the Host. No Docker engine runs on the development machines of this project:
# this file is kept simple and checked by reading (see README).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node.js and npm restore the web interface's browser libraries at build (src/Web/package.json).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Host/Host.csproj -c Release -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# DejaVu covers Vietnamese diacritics in the printed permits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
RUN mkdir -p /app/data && chown app /app/data
USER app
ENV ASPNETCORE_URLS=http://+:8080
# 11111: the silo port of docker-compose.yml, where the other Hosts of the cluster reach this one.
EXPOSE 8080 11111
VOLUME /app/data
ENTRYPOINT ["dotnet", "TravelPermits.Host.dll"]
