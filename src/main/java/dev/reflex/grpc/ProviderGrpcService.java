package dev.reflex.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.reflex.grpc.proto.Point;
import dev.reflex.grpc.proto.ProviderServiceService;
import dev.reflex.grpc.proto.QueryLatestRequest;
import dev.reflex.grpc.proto.QueryLatestResponse;
import dev.reflex.grpc.proto.QueryRequest;
import dev.reflex.grpc.proto.QueryResponse;
import dev.reflex.grpc.proto.Sample;
import dev.reflex.grpc.proto.Series;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import io.vertx.core.Future;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.StatusException;
import java.time.Instant;
import java.util.Optional;

/**
 * Kapacity's {@code ProviderService} on a {@link MetricHistory}. Point timestamps are milliseconds; {@code window}
 * is set on resource queries. Failures become gRPC statuses: {@code INVALID_ARGUMENT} for a malformed query or one
 * no rule serves, {@code UNAVAILABLE} when the backend is down, {@code INTERNAL} otherwise, each with a message.
 */
public final class ProviderGrpcService extends ProviderServiceService {

  /** Most steps one {@code Query} may ask for (a year at one minute), to bound memory. */
  public static final long MAX_STEPS = 550_000;

  private final MetricHistory history;

  public ProviderGrpcService(MetricHistory history) {
    this.history = history;
  }

  @Override
  public Future<QueryLatestResponse> queryLatest(QueryLatestRequest request) {
    MetricQuery query;
    try {
      requireQuery(request.hasQuery());
      query = ProtoQueries.fromProto(request.getQuery());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new StatusException(GrpcStatus.INVALID_ARGUMENT, e.getMessage()));
    }
    return history.queryLatest(query).map(samples -> {
      QueryLatestResponse.Builder out = QueryLatestResponse.newBuilder();
      samples.forEach(s -> {
        Sample.Builder b = Sample.newBuilder().setPoint(point(s.point())).putAllLabels(s.labels());
        s.window().ifPresent(w -> b.setWindow(duration(w)));
        out.addSamples(b);
      });
      return out.build();
    }).recover(ProviderGrpcService::status);
  }

  @Override
  public Future<QueryResponse> query(QueryRequest request) {
    MetricQuery query;
    Instant start;
    Instant end;
    java.time.Duration step;
    try {
      requireQuery(request.hasQuery());
      query = ProtoQueries.fromProto(request.getQuery());
      if (!request.hasStart() || !request.hasEnd()) {
        throw new IllegalArgumentException("start/end: both must be set");
      }
      start = instant(request.getStart());
      end = instant(request.getEnd());
      if (end.isBefore(start)) {
        throw new IllegalArgumentException("end: must not be before start");
      }
      if (!request.hasStep()) {
        throw new IllegalArgumentException("step: must be set");
      }
      step = java.time.Duration.ofSeconds(request.getStep().getSeconds(), request.getStep().getNanos());
      if (step.toMillis() <= 0) {
        throw new IllegalArgumentException("step: must be at least 1ms");
      }
      if (java.time.Duration.between(start, end).toMillis() / step.toMillis() > MAX_STEPS) {
        throw new IllegalArgumentException("step: the range holds more than " + MAX_STEPS + " steps");
      }
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new StatusException(GrpcStatus.INVALID_ARGUMENT, e.getMessage()));
    }
    return history.query(query, start, end, step).map(series -> {
      QueryResponse.Builder out = QueryResponse.newBuilder();
      series.forEach(s -> {
        Series.Builder b = Series.newBuilder().putAllLabels(s.labels());
        s.points().forEach(p -> b.addPoints(point(p)));
        s.window().ifPresent(w -> b.setWindow(duration(w)));
        out.addSeries(b);
      });
      return out.build();
    }).recover(ProviderGrpcService::status);
  }

  private static void requireQuery(boolean present) {
    if (!present) {
      throw new IllegalArgumentException("query: must be set");
    }
  }

  private static <T> Future<T> status(Throwable failure) {
    if (failure instanceof StatusException) {
      return Future.failedFuture(failure);
    }
    String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
    GrpcStatus status = GrpcStatus.INTERNAL;
    if (failure instanceof MetricQueryException m) {
      status = switch (m.kind()) {
        case INVALID -> GrpcStatus.INVALID_ARGUMENT;
        case UNAVAILABLE -> GrpcStatus.UNAVAILABLE;
        case FAILED -> GrpcStatus.INTERNAL;
      };
    } else if (failure instanceof IllegalArgumentException) {
      status = GrpcStatus.INVALID_ARGUMENT;
    }
    return Future.failedFuture(new StatusException(status, message));
  }

  private static Point point(MetricPoint p) {
    return Point.newBuilder().setTimestamp(p.timestampMillis()).setValue(p.value()).build();
  }

  private static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
