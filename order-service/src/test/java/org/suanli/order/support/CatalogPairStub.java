package org.suanli.order.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * catalog-service as two instances behind Stork's static list, round robin, as deploy/cluster.sh configures it:
 * the first a port nothing listens on (an instance that died), the second the {@link CatalogStub} stand-in.
 */
public class CatalogPairStub extends CatalogStub {

    @Override
    public Map<String, String> start() {
        Map<String, String> stub = new HashMap<>(super.start());
        String live = stub.remove("quarkus.rest-client.catalog.url").replace("http://", "");
        stub.put("quarkus.rest-client.catalog.url", "stork://catalog");
        stub.put("quarkus.stork.catalog.service-discovery.type", "static");
        stub.put("quarkus.stork.catalog.service-discovery.address-list", "127.0.0.1:" + deadPort() + "," + live);
        stub.put("quarkus.stork.catalog.load-balancer.type", "round-robin");
        return stub;
    }

    /** A port that was free a moment ago and is closed again: connections to it are refused. */
    private static int deadPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
