package org.suanli.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf body, optionally gzip): what a collector
 * would receive from the services, decoded just enough to check traces: each span's service, trace and span
 * ids, parent, name and string attributes. The protobuf is read by hand (a few fields of
 * opentelemetry-proto's trace.proto) so the test needs no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as the collector saw it. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                        Map<String, String> attributes) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private int requests;

    /** Listens on the host and port of {@code endpoint} (e.g. http://127.0.0.1:4318). */
    OtlpReceiver(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        server = HttpServer.create(new InetSocketAddress(uri.getHost(), uri.getPort()), 16);
        server.createContext("/", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(raw) : raw;
                byte[] body = in.readAllBytes();
                List<ReceivedSpan> decoded = exchange.getRequestURI().getPath().endsWith("/v1/traces")
                        ? decodeExport(body) : List.of();
                synchronized (this) {
                    spans.addAll(decoded);
                    requests++;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    synchronized List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    synchronized int requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---------------------------------------------------------------- protobuf, by hand

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<ReceivedSpan> decodeExport(byte[] body) {
        List<ReceivedSpan> out = new ArrayList<>();
        for (Field f : fields(body)) {
            if (f.number == 1) {
                resourceSpans(f.bytes, out);
            }
        }
        return out;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static void resourceSpans(byte[] b, List<ReceivedSpan> out) {
        String service = null;
        List<byte[]> scopes = new ArrayList<>();
        for (Field f : fields(b)) {
            if (f.number == 1) {
                // Resource { repeated KeyValue attributes = 1; }
                Map<String, String> attrs = new HashMap<>();
                for (Field a : fields(f.bytes)) {
                    if (a.number == 1) {
                        keyValue(a.bytes, attrs);
                    }
                }
                service = attrs.get("service.name");
            } else if (f.number == 2) {
                scopes.add(f.bytes);
            }
        }
        for (byte[] scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            for (Field f : fields(scope)) {
                if (f.number == 2) {
                    out.add(span(service, f.bytes));
                }
            }
        }
    }

    /** Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; repeated KeyValue attributes = 9; } */
    private static ReceivedSpan span(String service, byte[] b) {
        String trace = null, span = null, parent = "", name = null;
        int kind = 0;
        Map<String, String> attrs = new HashMap<>();
        for (Field f : fields(b)) {
            switch (f.number) {
                case 1 -> trace = HexFormat.of().formatHex(f.bytes);
                case 2 -> span = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) f.varint;
                case 9 -> keyValue(f.bytes, attrs);
                default -> { }
            }
        }
        return new ReceivedSpan(service, trace, span, parent, name, kind, attrs);
    }

    /** KeyValue { string key = 1; AnyValue value = 2; }, AnyValue { string string_value = 1; bool = 2; int64 = 3; ... } */
    private static void keyValue(byte[] b, Map<String, String> into) {
        String key = null, value = null;
        for (Field f : fields(b)) {
            if (f.number == 1) {
                key = new String(f.bytes, StandardCharsets.UTF_8);
            } else if (f.number == 2) {
                for (Field v : fields(f.bytes)) {
                    if (v.number == 1) {
                        value = new String(v.bytes, StandardCharsets.UTF_8);
                    } else if (v.number == 2 || v.number == 3) {
                        value = Long.toString(v.varint);
                    }
                }
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    private record Field(int number, long varint, byte[] bytes) {
    }

    private static List<Field> fields(byte[] b) {
        List<Field> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            long tag = varint(b, pos);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> out.add(new Field(number, varint(b, pos), null));
                case 1 -> pos[0] += 8;
                case 2 -> {
                    int len = (int) varint(b, pos);
                    byte[] bytes = new byte[len];
                    System.arraycopy(b, pos[0], bytes, 0, len);
                    pos[0] += len;
                    out.add(new Field(number, 0, bytes));
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type in field " + number);
            }
        }
        return out;
    }

    private static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }
}
