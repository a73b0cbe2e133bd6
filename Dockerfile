# syntax=docker/dockerfile:1
# Cairn in a container: built from source in a JDK image, run from Spring Boot's layers
# (dependencies change less often than the application, so image updates stay small) on
# a JRE, as a user without privileges. docs/operations.md, Containers.
#
#   docker build -t cairn .
#   docker run -p 8080:8080 -e CAIRN_DATABASE_URL=... -e CAIRN_ENCRYPTION_KEY=... cairn

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# The dependencies first, in a layer of their own, so a source change does not fetch them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package \
	&& java -Djarmode=tools -jar target/cairn.jar extract --layers --destination /layers

FROM eclipse-temurin:21-jre
# curl for the health check; the image has no other use for it.
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin cairn \
	&& mkdir -p /data \
	&& chown cairn /data
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
# Without CAIRN_DATABASE_URL, Cairn runs its embedded PostgreSQL in /data (a volume).
ENV CAIRN_DATA_DIR=/data \
	CAIRN_JAVA_OPTS="-Xms128m -Xmx128m -XX:+AlwaysPreTouch -XX:+UseParallelGC"
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
	CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
# exec: java is the container's first process and gets SIGTERM itself, for the graceful
# shutdown (readiness down, requests finished, jobs stopped).
ENTRYPOINT ["sh", "-c", "exec java $CAIRN_JAVA_OPTS -jar /app/cairn.jar \"$@\"", "cairn"]
