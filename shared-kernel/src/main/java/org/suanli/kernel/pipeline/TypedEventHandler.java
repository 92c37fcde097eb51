package org.suanli.kernel.pipeline;

import java.util.Set;

/**
 * What most handlers are: some event types of one topic, under a fixed inbox name. A handler says those three
 * in its constructor and writes only how it applies an event (and its one-line {@code @Incoming} method,
 * which names its channel).
 */
public abstract class TypedEventHandler implements EventHandler {

    private final String name;
    private final String topic;
    private final Set<String> types;

    protected TypedEventHandler(String name, String topic, Set<String> types) {
        this.name = name;
        this.topic = topic;
        this.types = Set.copyOf(types);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public boolean handles(String type) {
        return types.contains(type);
    }
}
