package org.suanli.kernel.batch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    /** What a writer was given, batch by batch: the "transactions" it ran. */
    private final List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());

    private List<String> write(List<Integer> batch, long commitMillis) {
        written.add(batch);
        try {
            Thread.sleep(commitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return batch.stream().map(i -> "order " + i).toList();
    }

    @Test
    void a_lone_request_is_written_at_once_in_a_batch_of_its_own() {
        GroupCommit<Integer, String> commits = new GroupCommit<>(8, b -> write(b, 0));
        assertEquals("order 7", commits.submit(7));
        assertEquals(List.of(List.of(7)), written);
    }

    @Test
    void requests_arriving_while_a_batch_commits_share_the_next_commit_and_each_gets_its_own_answer() throws Exception {
        GroupCommit<Integer, String> commits = new GroupCommit<>(8, b -> write(b, 50));
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int item = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return commits.submit(item);
                }));
            }
            go.countDown();
            for (int i = 0; i < 40; i++) {
                assertEquals("order " + i, answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> all = written.stream().flatMap(List::stream).sorted().toList();
        assertEquals(40, all.size(), "each request written once: " + written);
        assertEquals(40, all.stream().distinct().count());
        assertTrue(written.size() < 40, "forty requests shared fewer commits: " + written);
        assertTrue(written.stream().allMatch(b -> b.size() <= 8), "no batch above its limit: " + written);
    }

    @Test
    void when_a_batch_fails_each_request_is_written_alone_and_only_the_bad_one_fails() throws Exception {
        // The writer refuses any batch holding 13, as a transaction with one bad row rolls back whole.
        GroupCommit<Integer, String> commits = new GroupCommit<>(100, b -> {
            if (b.contains(13)) {
                written.add(b);
                throw new IllegalStateException("row 13 broke the batch");
            }
            return write(b, 20);
        });
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int item = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return commits.submit(item);
                }));
            }
            go.countDown();
            for (int i = 0; i < 20; i++) {
                if (i == 13) {
                    Future<String> bad = answers.get(i);
                    Exception e = assertThrows(Exception.class, () -> bad.get(30, TimeUnit.SECONDS));
                    assertEquals("row 13 broke the batch", e.getCause().getMessage());
                } else {
                    assertEquals("order " + i, answers.get(i).get(30, TimeUnit.SECONDS));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(written.contains(List.of(13)), "13 was tried alone: " + written);
    }
}
