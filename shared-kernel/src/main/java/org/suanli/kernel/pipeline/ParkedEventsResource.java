package org.suanli.kernel.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.suanli.kernel.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The operator's handle on poison events, in every service: what this service's consumers parked, and
 * replaying it once the bug is fixed ({@code deploy/parked.sh} calls it with an admin token).
 */
@Path("/api/admin/parked-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ParkedEventsResource {

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventPipeline pipeline;

    public record ConsumerParked(String consumer, String deadLetterTopic, List<DeadLetters.Parked> parked) {
    }

    public record Replayed(String consumer, int applied, int alreadyApplied, int skipped, int parkedAgain) {
    }

    @GET
    public List<ConsumerParked> list(@QueryParam("consumer") String consumer) {
        List<ConsumerParked> out = new ArrayList<>();
        for (EventHandler h : chosen(consumer)) {
            out.add(new ConsumerParked(h.name(), deadLetters.topicFor(h), deadLetters.pending(h, 200)));
        }
        return out;
    }

    @POST
    @Path("/replay")
    public List<Replayed> replay(@QueryParam("consumer") String consumer) {
        List<Replayed> out = new ArrayList<>();
        for (EventHandler h : chosen(consumer)) {
            EventPipeline.Tally t = pipeline.replay(h);
            out.add(new Replayed(h.name(), t.applied(), t.alreadyApplied(), t.skipped(), t.parked()));
        }
        return out;
    }

    private List<EventHandler> chosen(String consumer) {
        List<EventHandler> all = handlers.stream().toList();
        if (consumer == null || consumer.isBlank()) {
            return all;
        }
        List<EventHandler> one = all.stream().filter(h -> h.name().equals(consumer)).toList();
        if (one.isEmpty()) {
            throw ProblemException.badRequest("consumer '" + consumer + "' is not one of this service's: "
                    + all.stream().map(EventHandler::name).toList());
        }
        return one;
    }
}
